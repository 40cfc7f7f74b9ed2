#include "shared/cli/database_commands.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <filesystem>
#include <iostream>
#include <iterator>

#include "shared/base/sqlstate.h"
#include "shared/control/json_codec.h"

namespace db9::cli {

namespace {

using control::ConnectInfo;
using control::DatabaseStatus;

constexpr char kMask[] = "********";

// The URL with its password replaced by kMask.
std::string MaskUrl(const std::string& url) {
  size_t scheme = url.find("://");
  size_t at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  size_t colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + kMask + url.substr(at);
}

ConnectInfo Masked(ConnectInfo c) {
  c.password = kMask;
  c.url = MaskUrl(c.url);
  c.sqlalchemy_url = MaskUrl(c.sqlalchemy_url);
  c.psql_command = "psql '" + c.url + "'";
  for (auto& [key, value] : c.environment) {
    if (key == "PGPASSWORD") value = kMask;
  }
  return c;
}

std::vector<std::pair<std::string, std::string>> StatusFields(const DatabaseStatus& s) {
  const auto& d = s.database;
  const auto& c = s.connection;
  return {{"Name", d.name},
          {"ID", d.id},
          {"Created", LocalTime(d.created_unix_ms)},
          {"Size", HumanSize(d.size_bytes)},
          {"Tables", std::to_string(d.table_count)},
          {"Connections", std::to_string(d.open_connections)},
          {"Host", c.host},
          {"Port", std::to_string(c.port)},
          {"User", c.user},
          {"Database", c.database},
          {"Password", c.password},
          {"Connection string", c.url},
          {"SQLAlchemy URL", c.sqlalchemy_url},
          {"psql", c.psql_command}};
}

// db tables: for people, "~" marks an estimated row count and sizes read
// "1.2 MB"; CSV keeps the raw numbers. Views have neither (empty).
Table TablesTable(const std::vector<control::TableInfo>& list, OutputFormat format) {
  const bool people = format == OutputFormat::kTable;
  Table table{people ? std::vector<std::string>{"SCHEMA", "NAME", "KIND", "ROWS", "SIZE"}
                     : std::vector<std::string>{"schema", "name", "kind", "rows", "rows_exact", "bytes"},
              {}};
  for (const auto& t : list) {
    std::optional<std::string> rows, bytes;
    if (t.rows) rows = (people && !t.rows_exact ? "~" : "") + std::to_string(*t.rows);
    if (t.bytes) bytes = people ? HumanSize(static_cast<uint64_t>(*t.bytes)) : std::to_string(*t.bytes);
    if (people) {
      table.rows.push_back({t.schema, t.name, t.kind, rows, bytes});
    } else {
      table.rows.push_back({t.schema, t.name, t.kind, rows,
                            t.rows ? std::optional<std::string>(t.rows_exact ? "true" : "false")
                                   : std::nullopt,
                            bytes});
    }
  }
  return table;
}

struct CreateOptions {
  std::string name;
  std::string password;
  std::string source;  // branch only
  bool show_password = false;
  bool show_connection_string = false;
  bool show_secrets = false;
};

// Prints a new database (create, branch create): secrets hidden unless asked.
void PrintCreated(CliContext& context, DatabaseStatus status, const CreateOptions& options) {
  bool reveal = options.show_password || options.show_secrets;
  if (!reveal) status.connection = Masked(status.connection);
  if (options.show_connection_string && context.format == OutputFormat::kTable) {
    std::cout << status.connection.url << "\n";
  } else if (context.format == OutputFormat::kJson) {
    PrintJson(std::cout, nlohmann::json(status));
  } else {
    PrintRecord(std::cout, StatusFields(status), context.format);
  }
  if (!reveal && context.format == OutputFormat::kTable) {
    std::cerr << "(password hidden: add --show-password, or see it later with `db9 db status "
              << status.database.name << "`)\n";
  }
}

void AddCreateFlags(CLI::App* command, CreateOptions& options) {
  command->add_flag("--show-password", options.show_password, "print the password");
  command->add_flag("--show-connection-string", options.show_connection_string,
                    "print only the connection string");
  command->add_flag("--show-secrets", options.show_secrets,
                    "print the password and connection strings with it");
}

std::string Absolute(const std::string& path) {
  std::error_code ec;
  auto absolute = std::filesystem::absolute(path, ec);
  return ec ? path : absolute.lexically_normal().string();
}

void PrintQueryResult(CliContext& context, const control::QueryResult& result) {
  if (result.columns.empty()) {
    if (context.format == OutputFormat::kTable) std::cout << result.command_tag << "\n";
    return;
  }
  Table table;
  for (const auto& c : result.columns) table.headers.push_back(c.name);
  table.rows = result.rows;
  PrintTable(std::cout, table, context.format);
  if (context.format == OutputFormat::kTable) {
    if (result.truncated) {
      std::cout << "(only the first " << result.rows.size()
                << " rows are shown; raise --max-rows to see more)\n";
    } else {
      std::cout << "(" << result.rows.size() << (result.rows.size() == 1 ? " row)\n" : " rows)\n");
    }
  }
}

}  // namespace

void AddDatabaseCommands(CLI::App& app, CliContext& context) {
  // db9 create
  auto create_options = std::make_shared<CreateOptions>();
  auto* create = app.add_subcommand("create", "create a database (name and password generated "
                                              "unless given)");
  create->add_option("--name", create_options->name,
                     "lowercase letters, digits and hyphens (default: generated, e.g. brave-tiger-42)");
  create->add_option("--password", create_options->password, "password (default: generated)");
  AddCreateFlags(create, *create_options);
  create->callback([&context, create_options] {
    auto client = context.Connect();
    if (!client) return;
    auto created = client->CreateDatabase(create_options->name, create_options->password);
    if (!created.ok()) return context.Fail(created.status());
    PrintCreated(context, *created, *create_options);
  });

  // db9 list
  auto* list = app.add_subcommand("list", "list databases");
  list->alias("ls");
  list->callback([&context] {
    auto client = context.Connect();
    if (!client) return;
    auto databases = client->ListDatabases();
    if (!databases.ok()) return context.Fail(databases.status());
    if (context.format == OutputFormat::kJson) return PrintJson(std::cout, nlohmann::json(*databases));
    Table table{{"NAME", "ID", "CREATED", "SIZE", "TABLES", "CONNECTIONS"}, {}};
    for (const auto& d : *databases) {
      bool csv = context.format == OutputFormat::kCsv;
      table.rows.push_back({d.name, d.id,
                            csv ? std::to_string(d.created_unix_ms) : LocalTime(d.created_unix_ms),
                            csv ? std::to_string(d.size_bytes) : HumanSize(d.size_bytes),
                            std::to_string(d.table_count), std::to_string(d.open_connections)});
    }
    PrintTable(std::cout, table, context.format);
    if (databases->empty() && context.format == OutputFormat::kTable) {
      std::cerr << "(no databases yet: create one with `db9 create`)\n";
    }
  });

  // db9 delete
  auto name = std::make_shared<std::string>();
  auto force = std::make_shared<bool>(false);
  auto* drop = app.add_subcommand("delete", "delete a database and all its data");
  drop->alias("rm");
  drop->add_option("name", *name, "database name")->required();
  drop->add_flag("--force", *force, "end open connections first");
  drop->callback([&context, name, force] {
    auto client = context.Connect();
    if (!client) return;
    if (Status s = client->DeleteDatabase(*name, *force); !s.ok()) return context.Fail(s);
    if (context.format == OutputFormat::kTable) std::cout << "deleted database " << *name << "\n";
  });

  // db9 branch create NEW --from SOURCE
  auto* branch = app.add_subcommand("branch", "copy databases");
  branch->require_subcommand(1);
  auto branch_options = std::make_shared<CreateOptions>();
  auto* branch_create =
      branch->add_subcommand("create", "create a database holding a copy of another, as of now");
  branch_create->add_option("name", branch_options->name, "name of the new database")->required();
  branch_create->add_option("--from", branch_options->source, "database to copy")->required();
  AddCreateFlags(branch_create, *branch_options);
  branch_create->callback([&context, branch_options] {
    auto client = context.Connect();
    if (!client) return;
    auto created = client->BranchDatabase(branch_options->source, branch_options->name);
    if (!created.ok()) return context.Fail(created.status());
    PrintCreated(context, *created, *branch_options);
  });

  // db9 db ...
  auto* db = app.add_subcommand("db", "work with one database");
  db->require_subcommand(1);

  auto* status = db->add_subcommand("status", "show a database and how to connect to it");
  status->add_option("name", *name, "database name")->required();
  status->callback([&context, name] {
    auto client = context.Connect();
    if (!client) return;
    auto s = client->GetDatabaseStatus(*name);
    if (!s.ok()) return context.Fail(s.status());
    if (context.format == OutputFormat::kJson) return PrintJson(std::cout, nlohmann::json(*s));
    PrintRecord(std::cout, StatusFields(*s), context.format);
  });

  auto print_only = std::make_shared<bool>(false);
  auto* connect = db->add_subcommand("connect", "open psql on a database");
  connect->add_option("name", *name, "database name")->required();
  connect->add_flag("--print", *print_only, "print the psql command instead of running it");
  connect->callback([&context, name, print_only] {
    auto client = context.Connect();
    if (!client) return;
    auto info = client->GetConnectInfo(*name);
    if (!info.ok()) return context.Fail(info.status());
    if (context.format == OutputFormat::kJson) return PrintJson(std::cout, nlohmann::json(*info));
    if (*print_only) {
      std::cout << info->psql_command << "\n";
      return;
    }
    std::cout.flush();
    ::execlp("psql", "psql", info->url.c_str(), static_cast<char*>(nullptr));
    // Only reached when psql cannot run.
    context.Fail(Status::Error(sqlstate::kFeatureNotSupported, "cannot run psql: " +
                                                                   std::string(strerror(errno)))
                     .WithHint("install the PostgreSQL client (apt install postgresql-client), "
                               "or connect another client to " + info->url));
  });

  auto new_password = std::make_shared<std::string>();
  auto* reset = db->add_subcommand("reset-password", "give a database a new password");
  reset->add_option("name", *name, "database name")->required();
  reset->add_option("--password", *new_password, "the new password (default: generated)");
  reset->callback([&context, name, new_password] {
    auto client = context.Connect();
    if (!client) return;
    auto info = client->ResetPassword(*name, *new_password);
    if (!info.ok()) return context.Fail(info.status());
    if (context.format == OutputFormat::kJson) return PrintJson(std::cout, nlohmann::json(*info));
    PrintRecord(std::cout, {{"Password", info->password}, {"Connection string", info->url}},
                context.format);
  });

  auto new_name = std::make_shared<std::string>();
  auto* rename = db->add_subcommand("rename", "rename a database (its login user changes too)");
  rename->add_option("name", *name, "current name")->required();
  rename->add_option("new_name", *new_name, "new name")->required();
  rename->callback([&context, name, new_name] {
    auto client = context.Connect();
    if (!client) return;
    auto renamed = client->RenameDatabase(*name, *new_name);
    if (!renamed.ok()) return context.Fail(renamed.status());
    if (context.format == OutputFormat::kJson) return PrintJson(std::cout, nlohmann::json(*renamed));
    std::cout << "renamed " << *name << " to " << *new_name << " (log in as " << *new_name
              << ".admin now)\n";
  });

  auto* tables = db->add_subcommand("tables", "list the tables of a database");
  tables->add_option("name", *name, "database name")->required();
  tables->callback([&context, name] {
    auto client = context.Connect();
    if (!client) return;
    auto list = client->ListTables(*name);
    if (!list.ok()) return context.Fail(list.status());
    if (context.format == OutputFormat::kJson) return PrintJson(std::cout, nlohmann::json(*list));
    PrintTable(std::cout, TablesTable(*list, context.format), context.format);
  });

  auto sql_text = std::make_shared<std::string>();
  auto max_rows = std::make_shared<int>(1000);
  auto* sql = db->add_subcommand("sql", "run SQL (-c, or read from stdin)");
  sql->add_option("name", *name, "database name")->required();
  sql->add_option("-c,--command", *sql_text, "SQL to run (default: read stdin)");
  sql->add_option("--max-rows", *max_rows, "rows shown per statement")->check(CLI::Range(1, 100000));
  sql->callback([&context, name, sql_text, max_rows] {
    control::SqlRequest request{*name, *sql_text, *max_rows};
    if (request.sql.empty()) {
      request.sql.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    }
    auto client = context.Connect();
    if (!client) return;
    auto result = client->Sql(request);
    if (!result.ok()) return context.Fail(result.status());
    if (context.format == OutputFormat::kJson) return PrintJson(std::cout, nlohmann::json(*result));
    for (const auto& notice : result->notices) std::cerr << "NOTICE: " << notice << "\n";
    for (const auto& r : result->results) PrintQueryResult(context, r);
  });

  auto out_file = std::make_shared<std::string>();
  auto* dump = db->add_subcommand("dump", "write a database as SQL (CREATE statements, rows as COPY)");
  dump->add_option("name", *name, "database name")->required();
  dump->add_option("-o,--output-file", *out_file, "file to write (default: stdout)");
  dump->callback([&context, name, out_file] {
    auto client = context.Connect();
    if (!client) return;
    if (!out_file->empty()) {
      auto result = client->Call("db.dump", {{"name", *name}, {"path", Absolute(*out_file)}},
                                 control::kLongOperationTimeout);
      if (!result.ok()) return context.Fail(result.status());
      if (context.format == OutputFormat::kJson) return PrintJson(std::cout, *result);
      std::cerr << "wrote " << *out_file << "\n";
      return;
    }
    auto text = client->DumpToText(*name);
    if (!text.ok()) return context.Fail(text.status());
    std::cout << *text;
  });

  auto in_file = std::make_shared<std::string>();
  auto* restore = db->add_subcommand("restore", "run a SQL dump file into a database");
  restore->add_option("name", *name, "database name")->required();
  restore->add_option("file", *in_file, "dump file")->required()->check(CLI::ExistingFile);
  restore->callback([&context, name, in_file] {
    auto client = context.Connect();
    if (!client) return;
    // The result object ({"statements": N}) is what --output json prints.
    auto result = client->Call("db.restore", {{"name", *name}, {"path", Absolute(*in_file)}},
                               control::kLongOperationTimeout);
    if (!result.ok()) return context.Fail(result.status());
    if (context.format == OutputFormat::kJson) return PrintJson(std::cout, *result);
    std::cout << "restored " << *in_file << " (" << result->value("statements", 0)
              << " statements)\n";
  });
}

}  // namespace db9::cli
