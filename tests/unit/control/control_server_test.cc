// The control server and client together, in-process, over a real socket,
// on a real TenantManager in a temporary data directory.
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <mutex>

#include "daemon/control/rows_query.h"
#include "tests/unit/control/control_test_daemon.h"

using namespace db9;
using namespace db9::control;

using testing::Code;
using testing::RawSocket;

class ControlServerTest : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  testing::TestDaemon daemon_;
  std::string data_dir_;
  std::string socket_;
  tenants::TenantManager* tenants_ = nullptr;

  std::unique_ptr<Client> Connect() { return daemon_.Connect(); }

 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    std::string failure = daemon_.Start(dir_);
    QVERIFY2(failure.empty(), failure.c_str());
    data_dir_ = daemon_.data_dir;
    socket_ = daemon_.socket;
    tenants_ = daemon_.tenants.get();
  }

  void cleanupTestCase() { daemon_.Stop(); }

  void SocketIsPrivate() {
    struct stat st{};
    QCOMPARE(::stat(socket_.c_str(), &st), 0);
    QVERIFY(S_ISSOCK(st.st_mode));
    QCOMPARE(st.st_mode & 0777, 0600u);
    QCOMPARE(::stat((dir_.path().toStdString() + "/run").c_str(), &st), 0);
    QCOMPARE(st.st_mode & 0777, 0700u);
  }

  void SecondServerOnSameSocketIsRefused() {
    auto second = StartControlServer(socket_, *tenants_, DaemonInfo{});
    QVERIFY(!second.ok());
    QCOMPARE(Code(second.status()), std::string("55006"));
  }

  void HelloAndDaemonInfo() {
    auto client = Connect();
    QCOMPARE(client->hello().server, std::string("db9d"));
    QCOMPARE(client->hello().protocol, kProtocolVersion);
    auto info = client->DaemonInfo();
    QVERIFY(info.ok());
    QCOMPARE(info->port, 54321);
    QCOMPARE(info->data_dir, data_dir_);
    QCOMPARE(info->control_socket, socket_);
    QCOMPARE(info->pid, int64_t{::getpid()});
  }

  void CreateWithGeneratedNameAndPassword() {
    auto client = Connect();
    auto created = client->CreateDatabase();
    QVERIFY2(created.ok(), created.status().ToString().c_str());
    const auto& db = created->database;
    QVERIFY(!db.name.empty() && !db.id.empty());
    QCOMPARE(std::count(db.name.begin(), db.name.end(), '-'), 2L);  // brave-tiger-42
    const auto& c = created->connection;
    QCOMPARE(c.port, 54321);
    QCOMPARE(c.user, db.name + ".admin");
    QCOMPARE(c.password.size(), size_t{24});
    QCOMPARE(c.url, "postgresql://" + db.name + ".admin:" + c.password + "@localhost:54321/postgres");
    QCOMPARE(c.sqlalchemy_url, "postgresql+psycopg://" + db.name + ".admin:" + c.password +
                                   "@localhost:54321/postgres");
    QCOMPARE(c.environment.size(), size_t{5});
    QVERIFY(std::filesystem::is_directory(data_dir_ + "/tenants/" + db.id));
    struct stat st{};
    QCOMPARE(::stat((data_dir_ + "/secrets/" + db.id + ".password").c_str(), &st), 0);
    QCOMPARE(st.st_mode & 0777, 0600u);
    QVERIFY(client->DeleteDatabase(db.name).ok());
  }

  void CreateIsFast() {
    auto client = Connect();
    QElapsedTimer timer;
    timer.start();
    auto created = client->CreateDatabase("fast-one");
    QVERIFY2(created.ok(), created.status().ToString().c_str());
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed()) + " ms"));
    QVERIFY(client->DeleteDatabase("fast-one").ok());
  }

  void NameRulesAndDuplicates() {
    auto client = Connect();
    QVERIFY(client->CreateDatabase("shop", "pw-shop").ok());
    auto duplicate = client->CreateDatabase("shop");
    QCOMPARE(Code(duplicate.status()), std::string("42710"));
    auto bad = client->CreateDatabase("Bad_Name");
    QCOMPARE(Code(bad.status()), std::string("22023"));
    QVERIFY(std::string(bad.status().message()).find("lowercase letters, digits and hyphens") !=
            std::string::npos);
    auto missing = client->GetDatabaseStatus("nope");
    QCOMPARE(Code(missing.status()), std::string("3D000"));
  }

  void StatusListAndConnectInfo() {
    auto client = Connect();
    auto status = client->GetDatabaseStatus("shop");
    QVERIFY(status.ok());
    QCOMPARE(status->connection.password, std::string("pw-shop"));
    QCOMPARE(status->connection.url, std::string("postgresql://shop.admin:pw-shop@localhost:54321/postgres"));
    QCOMPARE(status->connection.psql_command,
             std::string("psql 'postgresql://shop.admin:pw-shop@localhost:54321/postgres'"));
    auto list = client->ListDatabases();
    QVERIFY(list.ok());
    QVERIFY(std::any_of(list->begin(), list->end(), [](const DatabaseInfo& d) {
      return d.name == "shop" && d.size_bytes > 0;
    }));
    auto info = client->GetConnectInfo("shop");
    QVERIFY(info.ok());
    QCOMPARE(info->environment[3], (std::pair<std::string, std::string>{"PGPASSWORD", "pw-shop"}));
  }

  void PasswordsWithSpecialCharactersAreEncoded() {
    auto client = Connect();
    QVERIFY(client->CreateDatabase("odd-pw", "a b@c:d/e'f").ok());
    auto info = client->GetConnectInfo("odd-pw");
    QVERIFY(info.ok());
    QCOMPARE(info->url, std::string("postgresql://odd-pw.admin:a%20b%40c%3Ad%2Fe%27f@localhost:54321/postgres"));
    QCOMPARE(info->psql_command, "psql '" + info->url + "'");
    QVERIFY(client->DeleteDatabase("odd-pw").ok());
  }

  void ResetPasswordChangesVerifier() {
    auto client = Connect();
    auto before = tenants_->ScramVerifierForUser("shop.admin");
    QVERIFY(before.ok());
    auto info = client->ResetPassword("shop");
    QVERIFY(info.ok());
    QVERIFY(info->password != "pw-shop");
    QCOMPARE(info->password.size(), size_t{24});
    auto after = tenants_->ScramVerifierForUser("shop.admin");
    QVERIFY(after.ok() && *after != *before);
    QCOMPARE(client->GetConnectInfo("shop")->password, info->password);
  }

  void RenameKeepsIdAndMovesLogin() {
    auto client = Connect();
    auto before = client->GetDatabaseStatus("shop");
    QVERIFY(before.ok());
    auto renamed = client->RenameDatabase("shop", "store");
    QVERIFY2(renamed.ok(), renamed.status().ToString().c_str());
    QCOMPARE(renamed->id, before->database.id);
    QCOMPARE(Code(client->GetDatabaseStatus("shop").status()), std::string("3D000"));
    QVERIFY(tenants_->ScramVerifierForUser("store.admin").ok());
    QCOMPARE(Code(tenants_->ScramVerifierForUser("shop.admin").status()), std::string("28000"));
    QCOMPARE(client->GetConnectInfo("store")->user, std::string("store.admin"));
  }

  void DeleteRefusedWhileConnectedUnlessForced() {
    auto client = Connect();
    std::atomic<bool> terminated{false};
    std::shared_ptr<tenants::TenantHandle> handle;
    {
      auto connected = tenants_->Connect("store.admin", [&] { terminated = true; });
      QVERIFY2(connected.ok(), connected.status().ToString().c_str());
      handle = std::move(connected).value();
    }
    QCOMPARE(client->GetDatabaseStatus("store")->database.open_connections, 1);
    Status refused = client->DeleteDatabase("store");
    QCOMPARE(Code(refused), std::string("55006"));
    QVERIFY(std::string(refused.hint()).find("--force") != std::string::npos);
    std::string id = client->GetDatabaseStatus("store")->database.id;
    // The forced delete waits for connections to go: release ours when asked.
    std::thread releaser([&] {
      while (!terminated) std::this_thread::sleep_for(std::chrono::milliseconds(5));
      handle.reset();
    });
    QVERIFY(client->DeleteDatabase("store", /*force=*/true).ok());
    releaser.join();
    QVERIFY(terminated);
    QVERIFY(!std::filesystem::exists(data_dir_ + "/tenants/" + id));
    QVERIFY(!std::filesystem::exists(data_dir_ + "/secrets/" + id + ".password"));
    QCOMPARE(Code(client->GetDatabaseStatus("store").status()), std::string("3D000"));
  }

  void EventsReachSubscribers() {
    std::mutex mu;
    std::vector<std::string> seen;
    ClientOptions options;
    options.socket_path = socket_;
    auto subscription = EventSubscription::Start(options, [&](const Event& e) {
      std::lock_guard lock(mu);
      seen.push_back(e.kind + ":" + e.name + (e.previous_name.empty() ? "" : "<" + e.previous_name));
    });
    QVERIFY(subscription.ok());
    auto client = Connect();
    QVERIFY(client->CreateDatabase("ev-one").ok());
    QVERIFY(client->RenameDatabase("ev-one", "ev-two").ok());
    {
      auto handle = tenants_->Connect("ev-two.admin", nullptr);
      QVERIFY(handle.ok());
    }
    QVERIFY(client->DeleteDatabase("ev-two").ok());
    std::vector<std::string> expected = {"database.created:ev-one", "database.renamed:ev-two<ev-one",
                                         "connection.opened:ev-two", "connection.closed:ev-two",
                                         "database.dropped:ev-two"};
    QTRY_VERIFY_WITH_TIMEOUT(([&] { std::lock_guard lock(mu); return seen.size() >= 5; }()), 5000);
    std::lock_guard lock(mu);
    QCOMPARE(seen, expected);
  }

  void MalformedRequestsGetErrorsAndTheConnectionSurvives() {
    RawSocket raw(socket_);
    QVERIFY(raw.connected());
    raw.Send("this is not json\n");
    auto reply = raw.ReadMessage();
    QCOMPARE(reply["ok"].get<bool>(), false);
    QVERIFY(reply["id"].is_null());
    QCOMPARE(reply["error"]["code"].get<std::string>(), std::string("08P01"));

    raw.Send("{\"id\": 5, \"op\": \"no.such\"}\n");
    reply = raw.ReadMessage();
    QCOMPARE(reply["id"].get<int>(), 5);
    QCOMPARE(reply["error"]["code"].get<std::string>(), std::string("08P01"));

    raw.Send("{\"id\": 6, \"op\": \"db.status\", \"args\": [1]}\n");
    QCOMPARE(raw.ReadMessage()["error"]["code"].get<std::string>(), std::string("22023"));

    raw.Send("{\"id\": 7, \"op\": \"db.status\", \"args\": {\"name\": 7}}\n");
    reply = raw.ReadMessage();
    QCOMPARE(reply["error"]["code"].get<std::string>(), std::string("22023"));
    QVERIFY(reply["error"]["message"].get<std::string>().find("\"name\"") != std::string::npos);

    // Over 1 MiB: one error, the rest of the line skipped, then business as usual.
    raw.Send("{\"id\": 8, \"op\": \"hello\", \"args\": {\"pad\": \"" + std::string(1100000, 'x') +
             "\"}}\n{\"id\": 9, \"op\": \"hello\"}\n");
    reply = raw.ReadMessage();
    QCOMPARE(reply["error"]["code"].get<std::string>(), std::string("54000"));
    reply = raw.ReadMessage();
    QCOMPARE(reply["id"].get<int>(), 9);
    QCOMPARE(reply["ok"].get<bool>(), true);
    QCOMPARE(reply["result"]["server"].get<std::string>(), std::string("db9d"));

    // Another client never noticed.
    QVERIFY(Connect()->ListDatabases().ok());
  }

  void RequestsWithoutArgsOrIdWork() {
    RawSocket raw(socket_);
    raw.Send("{\"op\":\"db.list\"}\n");
    auto reply = raw.ReadMessage();
    QVERIFY(reply["id"].is_null());
    QCOMPARE(reply["ok"].get<bool>(), true);
    QVERIFY(reply["result"]["databases"].is_array());
  }

  void ClientSaysWhatToDoWhenDaemonIsAbsent() {
    ClientOptions options;
    options.socket_path = dir_.path().toStdString() + "/nowhere.sock";
    auto client = Client::Connect(options);
    QVERIFY(!client.ok());
    QCOMPARE(Code(client.status()), std::string("08000"));
    QVERIFY(std::string(client.status().hint()).find("db9 daemon start") != std::string::npos);
  }

  void RegistrySurvivesRestart() {
    auto client = Connect();
    QVERIFY(client->CreateDatabase("keeper", "pw-keep").ok());
    auto again = tenants::OpenTenantManager(dir_.path().toStdString() + "/copy");
    QVERIFY(again.ok());  // a different directory is empty
    QCOMPARE((*again)->List().size(), size_t{0});
    // The same registry read back by a second manager (no stores opened).
    auto reread = tenants::OpenTenantManager(data_dir_);
    QVERIFY(reread.ok());
    auto credentials = (*reread)->GetCredentials("keeper");
    QVERIFY(credentials.ok());
    QCOMPARE(credentials->password, std::string("pw-keep"));
    QCOMPARE(credentials->user, std::string("keeper.admin"));
  }

  void SqlThroughTheControlSocket() {
    auto client = Connect();
    SqlRequest request{"keeper", "CREATE TABLE items (id int PRIMARY KEY, label text); "
                                 "INSERT INTO items VALUES (1, 'one'), (2, NULL), (3, 'three');"
                                 "SELECT id, label FROM items ORDER BY id",
                       2};
    auto result = client->Sql(request);
    QVERIFY2(result.ok(), result.status().ToString().c_str());
    QCOMPARE(result->results.size(), size_t{3});
    const auto& select = result->results[2];
    QCOMPARE(select.columns.size(), size_t{2});
    QCOMPARE(select.columns[0].type, std::string("int4"));
    QCOMPARE(select.rows.size(), size_t{2});  // max_rows
    QVERIFY(select.truncated);
    QVERIFY(!select.rows[1][1].has_value());  // NULL stays NULL
    auto error = client->Sql({"keeper", "SELECT * FROM missing_table", 10});
    QCOMPARE(Code(error.status()), std::string("42P01"));
  }

  void TablesDescribeAndRows() {
    auto client = Connect();
    auto tables = client->ListTables("keeper");
    QVERIFY2(tables.ok(), tables.status().ToString().c_str());
    QCOMPARE(tables->size(), size_t{1});
    QCOMPARE((*tables)[0].name, std::string("items"));
    QCOMPARE((*tables)[0].rows, std::optional<int64_t>(3));  // counted, though not flushed yet
    QVERIFY((*tables)[0].rows_exact);
    QVERIFY((*tables)[0].bytes.has_value() && *(*tables)[0].bytes > 0);

    RowsRequest request;
    request.database = "keeper";
    request.table = "items";
    request.limit = 2;
    auto page = client->Rows(request);
    QVERIFY2(page.ok(), page.status().ToString().c_str());
    QCOMPARE(page->result.rows.size(), size_t{2});
    QVERIFY(page->result.truncated);
    QVERIFY(page->next_after.has_value());
    request.after = page->next_after;
    auto next = client->Rows(request);
    QVERIFY2(next.ok(), next.status().ToString().c_str());
    QCOMPARE(next->result.rows.size(), size_t{1});
    QCOMPARE(*next->result.rows[0][0], std::string("3"));
    QVERIFY(!next->next_after.has_value());

    RowsRequest filtered;
    filtered.database = "keeper";
    filtered.table = "items";
    filtered.filters = {{"label", "ilike", std::string("T%")}};
    auto matches = client->Rows(filtered);
    QVERIFY2(matches.ok(), matches.status().ToString().c_str());
    QCOMPARE(matches->result.rows.size(), size_t{1});
    filtered.filters = {{"nope", "=", std::string("1")}};
    QCOMPARE(Code(client->Rows(filtered).status()), std::string("42703"));
  }

  void BranchDumpAndRestoreThroughTheClient() {
    auto client = Connect();
    QVERIFY(client->Sql({"keeper", "CREATE VIEW named AS SELECT label FROM items "
                                   "WHERE label IS NOT NULL", 10}).ok());
    auto branch = client->BranchDatabase("keeper", "keeper-copy");
    QVERIFY2(branch.ok(), branch.status().ToString().c_str());
    QCOMPARE(branch->database.name, std::string("keeper-copy"));
    auto dump = client->DumpToText("keeper-copy");
    QVERIFY2(dump.ok(), dump.status().ToString().c_str());
    QVERIFY(dump->find("CREATE TABLE") != std::string::npos);
    const std::string path = dir_.path().toStdString() + "/keeper.sql";
    Status written = client->DumpToFile("keeper", path);
    QVERIFY2(written.ok(), written.ToString().c_str());
    QVERIFY(client->CreateDatabase("keeper-restored").ok());
    Status restored = client->RestoreFromFile("keeper-restored", path);
    QVERIFY2(restored.ok(), restored.ToString().c_str());
    auto tables = client->ListTables("keeper-restored");
    QVERIFY2(tables.ok(), tables.status().ToString().c_str());
    QCOMPARE(tables->size(), size_t{2});
    QCOMPARE((*tables)[0].name, std::string("items"));
    QCOMPARE((*tables)[0].rows, std::optional<int64_t>(3));
    QCOMPARE((*tables)[1].kind, std::string("view"));
    QVERIFY(!(*tables)[1].rows.has_value() && !(*tables)[1].bytes.has_value());
    QCOMPARE(Code(client->RestoreFromFile("keeper-restored", "relative.sql")),
             std::string("22023"));
    QVERIFY(client->DeleteDatabase("keeper-copy").ok());
    QVERIFY(client->DeleteDatabase("keeper-restored").ok());
    QVERIFY(client->Sql({"keeper", "DROP VIEW named", 1}).ok());
  }

  void DescribeTable() {
    auto client = Connect();
    auto description = client->DescribeTable("keeper", "public", "items");
    QVERIFY2(description.ok(), description.status().ToString().c_str());
    QCOMPARE(description->columns.size(), size_t{2});
    QCOMPARE(description->columns[0].type, std::string("integer"));
    QVERIFY(!description->columns[0].nullable);
    QCOMPARE(description->primary_key, std::vector<std::string>{"id"});
    QCOMPARE(description->indexes.size(), size_t{1});
    QVERIFY(description->indexes[0].primary);
    QCOMPARE(description->constraints.size(), size_t{1});
    QCOMPARE(description->constraints[0].kind, std::string("primary key"));
    QCOMPARE(description->constraints[0].definition, std::string("PRIMARY KEY (id)"));
  }

  // CHECK and FOREIGN KEY constraints, in PostgreSQL's own words.
  void DescribeShowsConstraints() {
    auto client = Connect();
    auto made = client->Sql({"keeper",
                             "CREATE TABLE described (id integer PRIMARY KEY, item integer "
                             "REFERENCES items (id) ON DELETE CASCADE, qty integer CHECK (qty > 0))",
                             10});
    QVERIFY2(made.ok(), made.status().ToString().c_str());
    auto description = client->DescribeTable("keeper", "public", "described");
    QVERIFY2(description.ok(), description.status().ToString().c_str());
    std::vector<std::string> seen;
    for (const ConstraintInfo& c : description->constraints) seen.push_back(c.kind + ": " + c.definition);
    QCOMPARE(seen, (std::vector<std::string>{
                       "check: CHECK ((qty > 0))",
                       "foreign key: FOREIGN KEY (item) REFERENCES items(id) ON DELETE CASCADE",
                       "primary key: PRIMARY KEY (id)"}));
    QVERIFY(client->Sql({"keeper", "DROP TABLE described", 10}).ok());
  }

  // The SELECTs db.rows builds, run by the engine over the same table
  // (the description is given here, so no pg_catalog is needed).
  void RowsQueriesPageThroughTheEngine() {
    auto client = Connect();
    TableDescription items{"public", "items",
                           {{"id", "integer", false, std::nullopt}, {"label", "text", true, std::nullopt}},
                           {"id"}, {}, {}};
    auto run = [&](const RowsRequest& request) -> RowsPage {
      auto query = BuildRowsQuery(request, items);
      if (!query.ok()) qFatal("%s", query.status().ToString().c_str());
      auto result = client->Sql({"keeper", query->sql, request.limit + 1});
      if (!result.ok()) qFatal("%s: %s", query->sql.c_str(), result.status().ToString().c_str());
      return FinishRowsPage(request, *query, std::move(result->results[0]));
    };
    RowsRequest request;
    request.table = "items";
    request.limit = 2;
    RowsPage first = run(request);
    QCOMPARE(first.result.rows.size(), size_t{2});
    QVERIFY(first.result.truncated);
    QCOMPARE(*first.result.rows[0][0], std::string("1"));
    QVERIFY(first.next_after.has_value());
    request.after = first.next_after;
    RowsPage second = run(request);
    QCOMPARE(second.result.rows.size(), size_t{1});
    QCOMPARE(*second.result.rows[0][0], std::string("3"));
    QVERIFY(!second.next_after.has_value());

    RowsRequest descending;
    descending.table = "items";
    descending.limit = 1;
    descending.order_by = {{"id", true}};
    descending.offset = 1;
    QCOMPARE(*run(descending).result.rows[0][0], std::string("2"));

    RowsRequest filtered;
    filtered.table = "items";
    filtered.filters = {{"label", "ilike", std::string("T%")}};
    QCOMPARE(run(filtered).result.rows.size(), size_t{1});
    filtered.filters = {{"label", "is null", std::nullopt}, {"id", ">=", std::string("2")}};
    RowsPage nulls = run(filtered);
    QCOMPARE(nulls.result.rows.size(), size_t{1});
    QCOMPARE(*nulls.result.rows[0][0], std::string("2"));

    // Requests that cannot work are refused before any SQL runs.
    RowsRequest bad;
    bad.table = "items";
    bad.filters = {{"nope", "=", std::string("1")}};
    QCOMPARE(Code(BuildRowsQuery(bad, items).status()), std::string("42703"));
    bad.filters = {{"id", "; DROP TABLE items", std::string("1")}};
    QCOMPARE(Code(BuildRowsQuery(bad, items).status()), std::string("22023"));
    bad.filters = {};
    bad.order_by = {{"label", false}};  // nullable, not the key: no keyset cursor
    bad.after = std::vector<std::optional<std::string>>{std::string("x")};
    QCOMPARE(Code(BuildRowsQuery(bad, items).status()), std::string("22023"));
    // Quotes in values and names stay data.
    RowsRequest quoted;
    quoted.table = "items";
    quoted.filters = {{"label", "=", std::string("it's'); DROP TABLE items; --")}};
    QCOMPARE(run(quoted).result.rows.size(), size_t{0});
    QVERIFY(client->Sql({"keeper", "SELECT count(*) FROM items", 1}).ok());
  }

  void DaemonStopIsRequested() {
    auto client = Connect();
    QVERIFY(client->StopDaemon().ok());
    QCOMPARE(daemon_.shutdown_requests.load(), 1);
  }
};

QTEST_GUILESS_MAIN(ControlServerTest)
#include "control_server_test.moc"
