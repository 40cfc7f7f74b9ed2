// Tenant management pieces that need no SQL engine: the name rule, generated
// names and passwords, the registry file, secret files, and event delivery.
#include <QtTest>

#include <sys/stat.h>

#include <atomic>
#include <set>

#include "daemon/tenants/event_hub.h"
#include "daemon/tenants/names.h"
#include "daemon/tenants/registry.h"
#include "daemon/tenants/secrets.h"

using namespace db9::tenants;

class TenantPartsTest : public QObject {
  Q_OBJECT
 private slots:
  void NameRule() {
    QVERIFY(ValidateName("shop").ok());
    QVERIFY(ValidateName("a").ok());
    QVERIFY(ValidateName("brave-tiger-42").ok());
    QVERIFY(ValidateName(std::string(63, 'a')).ok());
    for (const char* bad : {"", "-x", "Shop", "my_db", "a b", "é", "a.admin"}) {
      auto status = ValidateName(bad);
      QVERIFY2(!status.ok(), bad);
      QCOMPARE(std::string(status.sqlstate()), std::string("22023"));
      QVERIFY(std::string(status.message()).find("lowercase letters, digits and hyphens") !=
              std::string::npos);
    }
    QVERIFY(!ValidateName(std::string(64, 'a')).ok());
  }

  void GeneratedNamesAreValidAndAvoidTakenOnes() {
    std::set<std::string> taken;
    for (int i = 0; i < 200; ++i) {
      std::string name = GenerateName([&](const std::string& n) { return taken.count(n) > 0; });
      QVERIFY2(ValidateName(name).ok(), name.c_str());
      QVERIFY(taken.insert(name).second);
    }
  }

  void LoginUsers() {
    QCOMPARE(LoginUser("shop"), std::string("shop.admin"));
    QCOMPARE(NameFromLoginUser("shop.admin"), std::string("shop"));
    QCOMPARE(NameFromLoginUser("shop"), std::string());
    QCOMPARE(NameFromLoginUser(".admin"), std::string());
  }

  void PasswordsAreStrongAndUrlSafe() {
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
      std::string p = GeneratePassword();
      QCOMPARE(p.size(), size_t{24});
      for (char c : p) QVERIFY(std::isalnum(static_cast<unsigned char>(c)));
      QVERIFY(seen.insert(p).second);
    }
  }

  void SecretFilesAreOwnerOnly() {
    QTemporaryDir dir;
    std::string path = dir.path().toStdString() + "/x.password";
    QVERIFY(WriteFileAtomically(path, "s3cret", 0600).ok());
    struct stat st{};
    QCOMPARE(::stat(path.c_str(), &st), 0);
    QCOMPARE(st.st_mode & 0777, 0600u);
    auto back = ReadWholeFile(path);
    QVERIFY(back.ok());
    QCOMPARE(*back, std::string("s3cret"));
    QVERIFY(WriteFileAtomically(path, "other", 0600).ok());  // replaces
    QCOMPARE(*ReadWholeFile(path), std::string("other"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);  // no temp left behind
  }

  void RegistryRoundTripsAndRejectsDamage() {
    QTemporaryDir dir;
    std::string path = dir.path().toStdString() + "/tenants.json";
    auto empty = LoadRegistry(path);
    QVERIFY(empty.ok() && empty->empty());
    std::vector<TenantRecord> records = {{"a1b2", "shop", 17, "SCRAM-SHA-256$4096:x$y:z"},
                                         {"c3d4", "blog", 18, "SCRAM-SHA-256$4096:p$q:r"}};
    QVERIFY(SaveRegistry(path, records).ok());
    auto loaded = LoadRegistry(path);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->size(), size_t{2});
    QCOMPARE((*loaded)[1].name, std::string("blog"));
    QCOMPARE((*loaded)[0].created_unix_ms, int64_t{17});

    QFile file(QString::fromStdString(path));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{\"version\":1,\"tenants\":[{\"id\":\"../x\",");
    file.close();
    auto damaged = LoadRegistry(path);
    QVERIFY(!damaged.ok());
    QCOMPARE(std::string(damaged.status().sqlstate()), std::string("XX001"));
    QVERIFY(std::string(damaged.status().message()).find(path) != std::string::npos);
  }

  void EventHubDeliversAndStopsAfterUnsubscribe() {
    EventHub hub;
    std::atomic<int> seen{0};
    std::mutex mu;
    std::vector<std::string> names;
    int id = hub.Subscribe([&](const TenantEvent& e) {
      std::lock_guard lock(mu);
      names.push_back(e.name);
      ++seen;
    });
    hub.Publish({TenantEvent::Kind::kCreated, "one", {}});
    hub.Publish({TenantEvent::Kind::kDropped, "two", {}});
    QTRY_COMPARE(seen.load(), 2);
    hub.Unsubscribe(id);
    hub.Publish({TenantEvent::Kind::kCreated, "three", {}});
    QTest::qWait(50);
    QCOMPARE(seen.load(), 2);
    std::lock_guard lock(mu);
    QCOMPARE(names, (std::vector<std::string>{"one", "two"}));
  }
};

QTEST_GUILESS_MAIN(TenantPartsTest)
#include "tenant_parts_test.moc"
