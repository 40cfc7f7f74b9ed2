#include "daemon/sql/session/sequence_options.h"

#include <charconv>

#include "daemon/sql/binder/binder.h"

namespace db9::sql {
namespace {

struct IntegerType {
  Oid oid;
  const char* name;
  int64_t min, max;
};

constexpr IntegerType kSequenceTypes[] = {
    {types::oid::kInt2, "smallint", INT16_MIN, INT16_MAX},
    {types::oid::kInt4, "integer", INT32_MIN, INT32_MAX},
    {types::oid::kInt8, "bigint", INT64_MIN, INT64_MAX}};

const IntegerType& TypeOf(Oid oid) {
  for (const IntegerType& t : kSequenceTypes) {
    if (t.oid == oid) return t;
  }
  return kSequenceTypes[2];
}

Status BadOption(std::string message) {
  return Status::Error(sqlstate::kInvalidParameterValue, std::move(message));
}

// An option's integer argument (`START 5`, `INCREMENT -1`); numbers past
// int64 arrive as Float nodes and are rejected, never thrown.
Result<int64_t> OptionInt(const pg_query::DefElem& d) {
  const pg_query::Node& arg = d.arg();
  if (arg.has_integer()) return static_cast<int64_t>(arg.integer().ival());
  if (arg.has_a_const() && arg.a_const().has_ival()) return static_cast<int64_t>(arg.a_const().ival().ival());
  std::string text;
  if (arg.has_float_()) text = arg.float_().fval();
  if (arg.has_a_const() && arg.a_const().has_fval()) text = arg.a_const().fval().fval();
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc::result_out_of_range) {
    return Status::Error(sqlstate::kNumericValueOutOfRange,
                         "value \"" + text + "\" is out of range for type bigint");
  }
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
    return BadOption(d.defname() + " requires an integer value");
  }
  return value;
}

Result<Oid> OptionType(const pg_query::DefElem& d) {
  if (!d.arg().has_type_name()) return BadOption("AS requires a type name");
  std::vector<std::string> names = StringList(d.arg().type_name().names());
  const std::string name = names.empty() ? "" : names.back();
  if (name == "int2" || name == "smallint") return types::oid::kInt2;
  if (name == "int4" || name == "integer" || name == "int") return types::oid::kInt4;
  if (name == "int8" || name == "bigint") return types::oid::kInt8;
  return BadOption("sequence type must be smallint, integer, or bigint");
}

// OWNED BY table.column (or NONE): the column whose drop drops the sequence.
Status ApplyOwnedBy(const pg_query::DefElem& d, SequenceOptionsTarget* target) {
  std::vector<std::string> names = d.arg().has_list() ? StringList(d.arg().list().items())
                                                      : std::vector<std::string>{};
  catalog::Sequence* seq = target->sequence;
  if (names.size() == 1 && names[0] == "none") {
    seq->owned_by_table = 0;
    seq->owned_by_column = 0;
    return Status::OK();
  }
  if (names.size() < 2 || names.size() > 3) {
    return Status::Error(sqlstate::kSyntaxError, "invalid OWNED BY option")
        .WithHint("Specify OWNED BY table.column or OWNED BY NONE.");
  }
  std::string schema = names.size() == 3 ? names[0] : "";
  DB9_ASSIGN_OR_RETURN(catalog::RelationRef rel,
                       target->catalog->ResolveRelation(schema, names[names.size() - 2], *target->search_path));
  if (rel.table == nullptr) {
    return Status::Error(sqlstate::kObjectNotInPrerequisiteState,
                         "sequence cannot be owned by relation \"" + names[names.size() - 2] + "\"");
  }
  if (rel.table->namespace_oid != seq->namespace_oid) {
    return Status::Error(sqlstate::kObjectNotInPrerequisiteState,
                         "sequence must be in same schema as table it is linked to");
  }
  const catalog::Column* column = rel.table->FindColumn(names.back());
  if (column == nullptr) {
    return Status::Error(sqlstate::kUndefinedColumn, "column \"" + names.back() + "\" of relation \"" +
                                                         rel.table->name + "\" does not exist");
  }
  seq->owned_by_table = rel.table->oid;
  seq->owned_by_column = column->attnum;
  return Status::OK();
}

// SEQUENCE NAME [schema.]name of an identity column.
Status ApplySequenceName(const pg_query::DefElem& d, SequenceOptionsTarget* target) {
  std::vector<std::string> names = d.arg().has_list() ? StringList(d.arg().list().items())
                                                      : std::vector<std::string>{};
  if (names.empty() || names.size() > 2) return BadOption("invalid SEQUENCE NAME option");
  catalog::Sequence* seq = target->sequence;
  if (names.size() == 2) {
    const catalog::Namespace* ns = target->catalog->FindNamespace(names[0]);
    if (ns == nullptr) return Status::Error("3F000", "schema \"" + names[0] + "\" does not exist");
    seq->namespace_oid = ns->oid;
  }
  if (target->catalog->RelationNameTaken(seq->namespace_oid, names.back())) {
    return Status::Error(sqlstate::kDuplicateTable, "relation \"" + names.back() + "\" already exists");
  }
  seq->name = names.back();
  return Status::OK();
}

}  // namespace

Status ApplySequenceOptions(const google::protobuf::RepeatedPtrField<pg_query::Node>& options,
                            SequenceOptionsTarget* target) {
  catalog::Sequence* seq = target->sequence;
  std::optional<int64_t> start, min_value, max_value;
  bool min_reset = false, max_reset = false;  // NO MINVALUE / NO MAXVALUE
  bool restart_at_start = false;              // RESTART without a value
  const Oid old_type = seq->type;
  for (const pg_query::Node& node : options) {
    if (!node.has_def_elem()) continue;
    const pg_query::DefElem& d = node.def_elem();
    const std::string& name = d.defname();
    if (name == "as") {
      DB9_ASSIGN_OR_RETURN(seq->type, OptionType(d));
    } else if (name == "increment") {
      DB9_ASSIGN_OR_RETURN(seq->increment, OptionInt(d));
    } else if (name == "start") {
      DB9_ASSIGN_OR_RETURN(start, OptionInt(d));
    } else if (name == "restart") {
      if (target->creating) return BadOption("RESTART cannot be used in CREATE SEQUENCE");
      if (d.has_arg()) {
        DB9_ASSIGN_OR_RETURN(target->restart, OptionInt(d));
      } else {
        restart_at_start = true;  // the START in force after this statement
      }
    } else if (name == "minvalue") {
      if (d.has_arg()) {
        DB9_ASSIGN_OR_RETURN(min_value, OptionInt(d));
      } else {
        min_reset = true;
      }
    } else if (name == "maxvalue") {
      if (d.has_arg()) {
        DB9_ASSIGN_OR_RETURN(max_value, OptionInt(d));
      } else {
        max_reset = true;
      }
    } else if (name == "cycle") {
      // CYCLE / NO CYCLE arrive as a boolean (older trees: an integer).
      if (!d.has_arg()) {
        seq->cycle = true;
      } else if (d.arg().has_boolean()) {
        seq->cycle = d.arg().boolean().boolval();
      } else {
        DB9_ASSIGN_OR_RETURN(int64_t flag, OptionInt(d));
        seq->cycle = flag != 0;
      }
    } else if (name == "owned_by") {
      DB9_RETURN_IF_ERROR(ApplyOwnedBy(d, target));
    } else if (name == "sequence_name") {
      DB9_RETURN_IF_ERROR(ApplySequenceName(d, target));
    } else if (name == "cache") {
      // Values are always handed out one by one; CACHE changes nothing visible.
    } else {
      return Status::Error(sqlstate::kFeatureNotSupported,
                           "feature not supported: sequence option " + name);
    }
  }
  if (seq->increment == 0) return BadOption("INCREMENT must not be zero");

  // Bounds: given ones win; otherwise a new sequence (or one whose type
  // changed while at the old type's limit) takes the type's defaults.
  const IntegerType& type = TypeOf(seq->type);
  const IntegerType& previous = TypeOf(old_type);
  const bool up = seq->increment > 0;
  if (max_value) {
    seq->max_value = *max_value;
  } else if (target->creating || max_reset || seq->max_value == previous.max) {
    seq->max_value = up ? type.max : -1;
  }
  if (min_value) {
    seq->min_value = *min_value;
  } else if (target->creating || min_reset || seq->min_value == previous.min) {
    seq->min_value = up ? 1 : type.min;
  }
  if (seq->max_value > type.max || seq->max_value < type.min) {
    return BadOption("MAXVALUE (" + std::to_string(seq->max_value) +
                     ") is out of range for sequence data type " + type.name);
  }
  if (seq->min_value > type.max || seq->min_value < type.min) {
    return BadOption("MINVALUE (" + std::to_string(seq->min_value) +
                     ") is out of range for sequence data type " + type.name);
  }
  if (seq->min_value >= seq->max_value) {
    return BadOption("MINVALUE (" + std::to_string(seq->min_value) + ") must be less than MAXVALUE (" +
                     std::to_string(seq->max_value) + ")");
  }
  if (start) {
    seq->start = *start;
  } else if (target->creating) {
    seq->start = up ? seq->min_value : seq->max_value;
  }
  if (seq->start < seq->min_value) {
    return BadOption("START value (" + std::to_string(seq->start) + ") cannot be less than MINVALUE (" +
                     std::to_string(seq->min_value) + ")");
  }
  if (seq->start > seq->max_value) {
    return BadOption("START value (" + std::to_string(seq->start) +
                     ") cannot be greater than MAXVALUE (" + std::to_string(seq->max_value) + ")");
  }
  if (restart_at_start) target->restart = seq->start;
  if (target->restart && *target->restart < seq->min_value) {
    return BadOption("RESTART value (" + std::to_string(*target->restart) +
                     ") cannot be less than MINVALUE (" + std::to_string(seq->min_value) + ")");
  }
  if (target->restart && *target->restart > seq->max_value) {
    return BadOption("RESTART value (" + std::to_string(*target->restart) +
                     ") cannot be greater than MAXVALUE (" + std::to_string(seq->max_value) + ")");
  }
  return Status::OK();
}

}  // namespace db9::sql
