// SqlScript: a SQL file as db.restore runs it — SQL text with COPY ... FROM
// stdin blocks inline, as pg_dump and db9's own dumps write them:
//
//   COPY public.items (id, label) FROM stdin;
//   1<TAB>one
//   \.
//
// The COPY statement ends its line; its data are the lines that follow, up to
// a line holding only "\.". The SQL in between is parsed as usual; the data
// never reaches the parser.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace db9::control {

struct ScriptPart {
  std::string_view sql;  // statements; a COPY FROM stdin, if any, is the last
  size_t offset = 0;     // byte offset of `sql` in the script
  std::optional<std::string_view> copy_data;  // its rows, each line with its '\n'
};

// Views into `script`, in order. A COPY block without its "\." ends the script.
std::vector<ScriptPart> SplitScript(std::string_view script);

}  // namespace db9::control
