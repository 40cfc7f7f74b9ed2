#include "shared/cli/completion.h"

#include <iostream>

namespace db9::cli {

namespace {

constexpr char kBash[] = R"SH(# bash completion for db9; load with: source <(db9 completion bash)
_db9_databases() { db9 list --output csv 2>/dev/null | tail -n +2 | cut -d, -f1; }
_db9() {
  local cur=${COMP_WORDS[COMP_CWORD]} w1=${COMP_WORDS[1]} w2=${COMP_WORDS[2]}
  local globals="--help --version --output --control-socket --timeout"
  case $COMP_CWORD in
    1) COMPREPLY=($(compgen -W "create list delete db branch daemon completion $globals" -- "$cur")); return ;;
    2) case $w1 in
         db) COMPREPLY=($(compgen -W "status connect reset-password rename tables sql dump restore" -- "$cur")) ;;
         daemon) COMPREPLY=($(compgen -W "start stop status" -- "$cur")) ;;
         branch) COMPREPLY=($(compgen -W "create" -- "$cur")) ;;
         completion) COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")) ;;
         delete) COMPREPLY=($(compgen -W "$(_db9_databases) --force" -- "$cur")) ;;
         create) COMPREPLY=($(compgen -W "--name --password --show-password --show-connection-string --show-secrets" -- "$cur")) ;;
       esac; return ;;
    3) case $w1 in
         db) COMPREPLY=($(compgen -W "$(_db9_databases)" -- "$cur")) ;;
       esac; return ;;
  esac
  case ${COMP_WORDS[COMP_CWORD-1]} in
    --from) COMPREPLY=($(compgen -W "$(_db9_databases)" -- "$cur")) ;;
    --output) COMPREPLY=($(compgen -W "table json csv" -- "$cur")) ;;
    *) COMPREPLY=($(compgen -f -- "$cur")) ;;
  esac
}
complete -F _db9 db9
)SH";

constexpr char kZsh[] = R"SH(#compdef db9
# zsh completion for db9; load with: source <(db9 completion zsh)
_db9_databases() { local -a dbs; dbs=(${(f)"$(db9 list --output csv 2>/dev/null | tail -n +2 | cut -d, -f1)"}); _describe 'database' dbs; }
_db9() {
  local -a top db daemon
  top=(create:'create a database' list:'list databases' delete:'delete a database' db:'work with one database'
       branch:'copy databases' daemon:'start, stop or check db9d' completion:'shell completion')
  db=(status connect reset-password rename tables sql dump restore)
  daemon=(start stop status)
  case $CURRENT in
    2) _describe 'command' top ;;
    3) case $words[2] in
         db) _values 'db command' $db ;;
         daemon) _values 'daemon command' $daemon ;;
         branch) _values 'branch command' create ;;
         completion) _values 'shell' bash zsh fish ;;
         delete) _db9_databases ;;
       esac ;;
    4) [[ $words[2] == db ]] && _db9_databases ;;
    *) [[ $words[CURRENT-1] == --from ]] && _db9_databases || _files ;;
  esac
}
compdef _db9 db9
)SH";

constexpr char kFish[] = R"SH(# fish completion for db9; load with: db9 completion fish | source
function __db9_databases; db9 list --output csv 2>/dev/null | tail -n +2 | cut -d, -f1; end
complete -c db9 -f
complete -c db9 -n __fish_use_subcommand -a 'create list delete db branch daemon completion'
complete -c db9 -n '__fish_seen_subcommand_from db; and not __fish_seen_subcommand_from status connect reset-password rename tables sql dump restore' -a 'status connect reset-password rename tables sql dump restore'
complete -c db9 -n '__fish_seen_subcommand_from status connect reset-password rename tables sql dump restore delete' -a '(__db9_databases)'
complete -c db9 -n '__fish_seen_subcommand_from daemon; and not __fish_seen_subcommand_from start stop status' -a 'start stop status'
complete -c db9 -n '__fish_seen_subcommand_from branch; and not __fish_seen_subcommand_from create' -a create
complete -c db9 -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'
complete -c db9 -l output -x -a 'table json csv'
complete -c db9 -l from -x -a '(__db9_databases)'
)SH";

}  // namespace

void AddCompletionCommand(CLI::App& app, CliContext& context) {
  auto shell = std::make_shared<std::string>();
  auto* completion = app.add_subcommand("completion", "print a shell completion script");
  completion->add_option("shell", *shell, "bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  completion->callback([shell] {
    std::cout << (*shell == "bash" ? kBash : *shell == "zsh" ? kZsh : kFish);
  });
}

}  // namespace db9::cli
