// Writing a name into SQL text, as PostgreSQL's quote_ident() does. One
// quoter for the daemon (catalog functions, COPY, dumps), the CLI and the app.
#pragma once

#include <string>
#include <string_view>

namespace db9 {

// Always in double quotes, embedded quotes doubled: "my ""table""". For SQL
// we generate, where a bare name could change meaning.
std::string QuoteIdentifier(std::string_view name);

// Bare when PostgreSQL would read it back unchanged (lower-case letters,
// digits and '_', not starting with a digit, not a keyword other than an
// unreserved one); quoted otherwise. What quote_ident(), pg_get_indexdef()
// and friends print.
std::string QuoteIdentifierIfNeeded(std::string_view name);

// A string constant as the server reads it with standard_conforming_strings
// on (PostgreSQL's default): 'it''s', backslashes as they are.
std::string QuoteLiteral(std::string_view text);

}  // namespace db9
