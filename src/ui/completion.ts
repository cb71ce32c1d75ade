/** Words only the workspace knows, which the scripts ask of `async __complete KIND`. */
export type Candidates = 'handles' | 'ids';

/** What a completion script knows of a command: its flags, its subcommands, what its operand is. */
export interface CompletionCommand {
  name: string;
  aliases: string[];
  summary: string;
  flags: CompletionFlag[];
  subcommands: CompletionCommand[];
  operand?: Candidates;
}

export interface CompletionFlag {
  long?: string;
  short?: string;
  takesValue: boolean;
  description: string;
  values?: Candidates;
}

export type Shell = 'bash' | 'zsh' | 'fish';

const flagWords = (flags: readonly CompletionFlag[]): string[] =>
  flags.flatMap((flag) => [flag.short, flag.long].filter((word): word is string => word !== undefined));

const valueFlags = (flags: readonly CompletionFlag[]): string[] => flagWords(flags.filter((flag) => flag.takesValue));

/** Names and flags are ours ([a-z0-9-]), so single quotes are enough for the shell. */
const words = (list: readonly string[]): string => `'${list.join(' ')}'`;

/**
 * Bash: the first two words that are not flags (nor a flag's value) pick the command and the
 * subcommand; a word starting with `-` completes that command's flags and the global ones.
 */
export function bashCompletion(commands: readonly CompletionCommand[], globals: readonly CompletionFlag[]): string {
  const skip = [...valueFlags(globals), ...commands.flatMap((c) => [c, ...c.subcommands]).flatMap((c) => valueFlags(c.flags))];
  const cases = commands.map((command) => {
    const subs = command.subcommands.map(
      (sub) => `        ${[sub.name, ...sub.aliases].join('|')}) flags=${words(flagWords(sub.flags))}; operand=${sub.operand ?? "''"} ;;`,
    );
    const names = words(command.subcommands.map((s) => s.name));
    const own = `flags=${words(flagWords(command.flags))}; names=${names}; operand=${command.operand ?? "''"}`;
    if (subs.length === 0) return `    ${command.name}) ${own} ;;`;
    return [`    ${command.name})`, '      case $sub in', ...subs, `        *) ${own} ;;`, '      esac ;;'].join('\n');
  });
  const every = [...globals, ...commands.flatMap((c) => [c, ...c.subcommands]).flatMap((c) => c.flags)];
  const valuesOf = (kind: Candidates): string => [...new Set(flagWords(every.filter((flag) => flag.values === kind)))].join('|');
  return `# async completion for bash. Load it with: eval "$(async completion bash)"
_async_candidates() {
  COMPREPLY=($(compgen -W "$(async "\${ws[@]}" __complete "$1" 2>/dev/null)" -- "$cur"))
}
_async_complete() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} cmd='' sub='' names='' flags='' operand='' i w
  local ws=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=\${COMP_WORDS[i]}
    [[ $w == -w || $w == --workspace ]] && ws=(-w "\${COMP_WORDS[i+1]}")
    case " ${[...new Set(skip)].join(' ')} " in
      *" $w "*) ((i++)); continue ;;
    esac
    [[ $w == -* ]] && continue
    if [[ -z $cmd ]]; then cmd=$w; elif [[ -z $sub ]]; then sub=$w; fi
  done
  case $prev in
    ${valuesOf('handles')}) _async_candidates handles; return ;;
    ${valuesOf('ids')}) _async_candidates ids; return ;;
  esac
  case $cmd in
    '') names=${words(commands.map((c) => c.name))} ;;
${cases.join('\n')}
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$flags ${flagWords(globals).join(' ')}" -- "$cur"))
  elif [[ -n $names && -z $sub ]]; then
    COMPREPLY=($(compgen -W "$names" -- "$cur"))
  elif [[ -n $operand ]]; then
    _async_candidates "$operand"
  fi
}
complete -o default -F _async_complete async
`;
}

/** Zsh runs the bash function through bashcompinit: one script to keep right, not two. */
export function zshCompletion(commands: readonly CompletionCommand[], globals: readonly CompletionFlag[]): string {
  return `# async completion for zsh. Load it with: eval "$(async completion zsh)"
autoload -U +X compinit && compinit
autoload -U +X bashcompinit && bashcompinit
${bashCompletion(commands, globals).replace(/^# .*\n/, '')}`;
}

const fishQuote = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function fishFlag(condition: string, flag: CompletionFlag): string {
  const short = flag.short ? ` -s ${flag.short.slice(1)}` : '';
  const long = flag.long ? ` -l ${flag.long.slice(2)}` : '';
  const value = flag.takesValue ? ' -r' : '';
  return `complete -c async${condition}${short}${long}${value} -d ${fishQuote(flag.description)}`;
}

/** Fish: one `complete` line per command, subcommand and flag, each under its condition. */
export function fishCompletion(commands: readonly CompletionCommand[], globals: readonly CompletionFlag[]): string {
  const lines = ['# async completion for fish. Load it with: async completion fish | source', 'complete -c async -f'];
  for (const flag of globals) lines.push(fishFlag('', flag));
  for (const command of commands) {
    lines.push(`complete -c async -n __fish_use_subcommand -a ${command.name} -d ${fishQuote(command.summary)}`);
    const within = ` -n '__fish_seen_subcommand_from ${command.name}'`;
    for (const flag of command.flags) lines.push(fishFlag(within, flag));
    if (command.subcommands.length === 0) continue;
    const names = command.subcommands.map((sub) => sub.name).join(' ');
    const noSub = ` -n '__fish_seen_subcommand_from ${command.name}; and not __fish_seen_subcommand_from ${names}'`;
    for (const sub of command.subcommands) {
      lines.push(`complete -c async${noSub} -a ${sub.name} -d ${fishQuote(sub.summary)}`);
      const inSub = ` -n '__fish_seen_subcommand_from ${command.name}; and __fish_seen_subcommand_from ${sub.name}'`;
      for (const flag of sub.flags) lines.push(fishFlag(inSub, flag));
    }
  }
  return `${lines.join('\n')}\n`;
}
