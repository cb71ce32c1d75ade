/**
 * `async hook SHELL`: a snippet that puts `async status` in the prompt. It runs the fast path
 * (src/statusFast.ts) once per prompt, with `--prompt` so that outside any workspace it answers
 * nothing at once, and keeps stderr out of the prompt.
 */
export type HookShell = 'bash' | 'zsh' | 'fish';
export const HOOK_SHELLS: readonly HookShell[] = ['bash', 'zsh', 'fish'];

/** POSIX single quotes: the paths are the user's own, but may hold spaces or quotes. */
const sh = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
const fish = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export function hookSnippet(shell: HookShell, self: { node: string; bin: string }): string {
  if (shell === 'bash') {
    const run = `${sh(self.node)} ${sh(self.bin)} status --prompt 2>/dev/null`;
    return `# async status in your bash prompt. Load it with: eval "$(async hook bash)"
__async_prompt_status() {
  __async_status=$(${run}) || __async_status=''
  __async_status=\${__async_status:+$__async_status }
}
case ";\${PROMPT_COMMAND:-};" in
  *";__async_prompt_status;"*) ;;
  *) PROMPT_COMMAND="__async_prompt_status\${PROMPT_COMMAND:+;$PROMPT_COMMAND}" ;;
esac
case "$PS1" in
  *'\${__async_status}'*) ;;
  *) PS1='\${__async_status}'"$PS1" ;;
esac
`;
  }
  if (shell === 'zsh') {
    const run = `${sh(self.node)} ${sh(self.bin)} status --prompt 2>/dev/null`;
    return `# async status in your zsh prompt. Load it with: eval "$(async hook zsh)"
__async_prompt_status() {
  __async_status=$(${run}) || __async_status=''
  # A % in the line would be a prompt escape.
  __async_status=\${__async_status//\\%/%%}
  __async_status=\${__async_status:+$__async_status }
}
autoload -Uz add-zsh-hook
add-zsh-hook precmd __async_prompt_status
setopt prompt_subst
[[ $PROMPT == *'\${__async_status}'* ]] || PROMPT='\${__async_status}'"$PROMPT"
`;
  }
  const run = `${fish(self.node)} ${fish(self.bin)} status --prompt 2>/dev/null`;
  return `# async status in your fish prompt. Load it with: async hook fish | source
function __async_prompt_status
    # One line, without the newline: a prompt function's output is the prompt.
    set -l line (${run})
    test -n "$line"; and printf '%s' "$line"
end
# Your own right prompt wins: call __async_prompt_status from it.
if not functions -q fish_right_prompt
    function fish_right_prompt
        __async_prompt_status
    end
end
`;
}
