/**
 * What git 2.39.5 printed (LC_ALL=C, GIT_TERMINAL_PROMPT=0, --quiet, as runGit runs it), captured by
 * running it for real: bare remotes with hooks, a non-fast-forward push, a lock held in the remote,
 * path remotes that are missing, a file or unreadable (as an unprivileged user, via setpriv), a fake
 * ssh (GIT_SSH_COMMAND printing what OpenSSH and the big hosts print), a loopback HTTP server
 * answering each status, a closed port and an unresolvable host. Temp paths are shortened to
 * /tmp/cap and ports to PORT/CLOSED; nothing else is edited.
 */
export const GIT_2_39: Record<string, { code: number; stderr: string }> = {
  'fetch-empty': { code: 128, stderr: "fatal: couldn't find remote ref refs/heads/main\n" },
  'push-fetch-first': {
    code: 1,
    stderr:
      "To /tmp/cap/r.git\n ! [rejected]        HEAD -> main (fetch first)\nerror: failed to push some refs to '/tmp/cap/r.git'\nhint: Updates were rejected because the remote contains work that you do\nhint: not have locally. This is usually caused by another repository pushing\nhint: to the same ref. You may want to first integrate the remote changes\nhint: (e.g., 'git pull ...') before pushing again.\nhint: See the 'Note about fast-forwards' in 'git push --help' for details.\n",
  },
  'push-non-fast-forward': {
    code: 1,
    stderr:
      "To /tmp/cap/r.git\n ! [rejected]        HEAD -> main (non-fast-forward)\nerror: failed to push some refs to '/tmp/cap/r.git'\nhint: Updates were rejected because the tip of your current branch is behind\nhint: its remote counterpart. Integrate the remote changes (e.g.\nhint: 'git pull ...') before pushing again.\nhint: See the 'Note about fast-forwards' in 'git push --help' for details.\n",
  },
  'push-pre-receive': {
    code: 1,
    stderr:
      "remote: secret scanner: AWS key in entries/2026/11/24/x.md        \nremote: push blocked by policy        \nTo /tmp/cap/r.git\n ! [remote rejected] HEAD -> main (pre-receive hook declined)\nerror: failed to push some refs to '/tmp/cap/r.git'\n",
  },
  'push-protected-github-style': {
    code: 1,
    stderr:
      "remote: error: GH006: Protected branch update failed for refs/heads/main.        \nremote: error: Changes must be made through a pull request.        \nTo /tmp/cap/r.git\n ! [remote rejected] HEAD -> main (pre-receive hook declined)\nerror: failed to push some refs to '/tmp/cap/r.git'\n",
  },
  'push-pre-receive-silent': {
    code: 1,
    stderr:
      "To /tmp/cap/r.git\n ! [remote rejected] HEAD -> main (pre-receive hook declined)\nerror: failed to push some refs to '/tmp/cap/r.git'\n",
  },
  'push-update-hook': {
    code: 1,
    stderr:
      "remote: branch main is frozen        \nremote: error: hook declined to update refs/heads/main        \nTo /tmp/cap/r.git\n ! [remote rejected] HEAD -> main (hook declined)\nerror: failed to push some refs to '/tmp/cap/r.git'\n",
  },
  'push-hung-up': {
    code: 128,
    stderr: 'Killed\nsend-pack: unexpected disconnect while reading sideband packet\nfatal: the remote end hung up unexpectedly\n',
  },
  'push-checked-out-branch': {
    code: 1,
    stderr:
      "remote: error: refusing to update checked out branch: refs/heads/main        \nremote: error: By default, updating the current branch in a non-bare repository        \nremote: is denied, because it will make the index and work tree inconsistent        \nremote: with what you pushed, and will require 'git reset --hard' to match        \nremote: the work tree to HEAD.        \nremote: \nremote: You can set the 'receive.denyCurrentBranch' configuration variable        \nremote: to 'ignore' or 'warn' in the remote repository to allow pushing into        \nremote: its current branch; however, this is not recommended unless you        \nremote: arranged to update its work tree to match what you pushed in some        \nremote: other way.        \nremote: \nremote: To squelch this message and still keep the default behaviour, set        \nremote: 'receive.denyCurrentBranch' configuration variable to 'refuse'.        \nTo /tmp/cap/nonbare\n ! [remote rejected] HEAD -> main (branch is currently checked out)\nerror: failed to push some refs to '/tmp/cap/nonbare'\n",
  },
  'push-missing-path': {
    code: 128,
    stderr:
      "fatal: '/tmp/cap/no/such.git' does not appear to be a git repository\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n",
  },
  'fetch-missing-path': {
    code: 128,
    stderr:
      "fatal: '/tmp/cap/no/such.git' does not appear to be a git repository\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n",
  },
  'push-missing-file-url': {
    code: 128,
    stderr:
      "fatal: '/tmp/cap/no/such.git' does not appear to be a git repository\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n",
  },
  'fetch-missing-file-url': {
    code: 128,
    stderr:
      "fatal: '/tmp/cap/no/such.git' does not appear to be a git repository\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n",
  },
  'push-path-is-file': {
    code: 128,
    stderr:
      'fatal: invalid gitfile format: /tmp/cap/plain-file\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n',
  },
  'fetch-path-is-file': {
    code: 128,
    stderr:
      'fatal: invalid gitfile format: /tmp/cap/plain-file\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n',
  },
  'push-path-is-plain-dir': {
    code: 128,
    stderr:
      "fatal: '/tmp/cap/plain-dir' does not appear to be a git repository\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n",
  },
  'fetch-path-is-plain-dir': {
    code: 128,
    stderr:
      "fatal: '/tmp/cap/plain-dir' does not appear to be a git repository\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n",
  },
  'push-ssh-publickey': {
    code: 128,
    stderr:
      'git@git.example.com: Permission denied (publickey).\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n',
  },
  'fetch-ssh-publickey': {
    code: 128,
    stderr:
      'git@git.example.com: Permission denied (publickey).\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n',
  },
  'push-scp-publickey': {
    code: 128,
    stderr:
      'Permission denied (publickey).\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n',
  },
  'fetch-scp-publickey': {
    code: 128,
    stderr:
      'Permission denied (publickey).\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n',
  },
  'push-ssh-repo-not-found': {
    code: 128,
    stderr:
      'ERROR: Repository not found.\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n',
  },
  'fetch-ssh-repo-not-found': {
    code: 128,
    stderr:
      'ERROR: Repository not found.\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n',
  },
  'push-ssh-gitlab-not-found': {
    code: 128,
    stderr:
      "remote: \nremote: ========================================================================\nremote: \nremote: The project you were looking for could not be found or you don't have permission to view it.\nremote: \nremote: ========================================================================\nremote: \nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n",
  },
  'fetch-ssh-gitlab-not-found': {
    code: 128,
    stderr:
      "remote: \nremote: ========================================================================\nremote: \nremote: The project you were looking for could not be found or you don't have permission to view it.\nremote: \nremote: ========================================================================\nremote: \nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n",
  },
  'push-ssh-resolve': {
    code: 128,
    stderr:
      'ssh: Could not resolve hostname git.example.com: Name or service not known\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n',
  },
  'fetch-ssh-resolve': {
    code: 128,
    stderr:
      'ssh: Could not resolve hostname git.example.com: Name or service not known\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n',
  },
  'push-ssh-refused': {
    code: 128,
    stderr:
      'ssh: connect to host git.example.com port 22: Connection refused\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n',
  },
  'fetch-ssh-refused': {
    code: 128,
    stderr:
      'ssh: connect to host git.example.com port 22: Connection refused\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n',
  },
  'push-ssh-timeout': {
    code: 128,
    stderr:
      'ssh: connect to host git.example.com port 22: Connection timed out\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n',
  },
  'fetch-ssh-timeout': {
    code: 128,
    stderr:
      'ssh: connect to host git.example.com port 22: Connection timed out\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n',
  },
  'push-ssh-no-route': {
    code: 128,
    stderr:
      'ssh: connect to host git.example.com port 22: No route to host\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n',
  },
  'fetch-ssh-no-route': {
    code: 128,
    stderr:
      'ssh: connect to host git.example.com port 22: No route to host\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n',
  },
  'push-ssh-net-unreachable': {
    code: 128,
    stderr:
      'ssh: connect to host git.example.com port 22: Network is unreachable\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n',
  },
  'fetch-ssh-net-unreachable': {
    code: 128,
    stderr:
      'ssh: connect to host git.example.com port 22: Network is unreachable\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n',
  },
  'push-ssh-reset': {
    code: 128,
    stderr:
      'kex_exchange_identification: read: Connection reset by peer\nConnection reset by 140.82.121.4 port 22\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n',
  },
  'fetch-ssh-reset': {
    code: 128,
    stderr:
      'kex_exchange_identification: read: Connection reset by peer\nConnection reset by 140.82.121.4 port 22\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n',
  },
  'push-ssh-host-key': {
    code: 128,
    stderr:
      'Host key verification failed.\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n',
  },
  'fetch-ssh-host-key': {
    code: 128,
    stderr:
      'Host key verification failed.\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n',
  },
  'push-http-401': { code: 128, stderr: "fatal: could not read Username for 'http://127.0.0.1:PORT': terminal prompts disabled\n" },
  'fetch-http-401': { code: 128, stderr: "fatal: could not read Username for 'http://127.0.0.1:PORT': terminal prompts disabled\n" },
  'push-http-403': {
    code: 128,
    stderr: "fatal: unable to access 'http://127.0.0.1:PORT/403/team/async.git/': The requested URL returned error: 403\n",
  },
  'fetch-http-403': {
    code: 128,
    stderr: "fatal: unable to access 'http://127.0.0.1:PORT/403/team/async.git/': The requested URL returned error: 403\n",
  },
  'push-http-404': { code: 128, stderr: "fatal: repository 'http://127.0.0.1:PORT/404/team/async.git/' not found\n" },
  'fetch-http-404': { code: 128, stderr: "fatal: repository 'http://127.0.0.1:PORT/404/team/async.git/' not found\n" },
  'push-http-500': {
    code: 128,
    stderr: "fatal: unable to access 'http://127.0.0.1:PORT/500/team/async.git/': The requested URL returned error: 500\n",
  },
  'fetch-http-500': {
    code: 128,
    stderr: "fatal: unable to access 'http://127.0.0.1:PORT/500/team/async.git/': The requested URL returned error: 500\n",
  },
  'push-http-502': {
    code: 128,
    stderr: "fatal: unable to access 'http://127.0.0.1:PORT/502/team/async.git/': The requested URL returned error: 502\n",
  },
  'fetch-http-502': {
    code: 128,
    stderr: "fatal: unable to access 'http://127.0.0.1:PORT/502/team/async.git/': The requested URL returned error: 502\n",
  },
  'push-http-503': {
    code: 128,
    stderr: "fatal: unable to access 'http://127.0.0.1:PORT/503/team/async.git/': The requested URL returned error: 503\n",
  },
  'fetch-http-503': {
    code: 128,
    stderr: "fatal: unable to access 'http://127.0.0.1:PORT/503/team/async.git/': The requested URL returned error: 503\n",
  },
  'push-http-504': {
    code: 128,
    stderr: "fatal: unable to access 'http://127.0.0.1:PORT/504/team/async.git/': The requested URL returned error: 504\n",
  },
  'fetch-http-504': {
    code: 128,
    stderr: "fatal: unable to access 'http://127.0.0.1:PORT/504/team/async.git/': The requested URL returned error: 504\n",
  },
  'push-http-401-with-credentials': { code: 128, stderr: "fatal: Authentication failed for 'http://127.0.0.1:PORT/401/team/async.git/'\n" },
  'fetch-http-401-with-credentials': {
    code: 128,
    stderr: "fatal: Authentication failed for 'http://127.0.0.1:PORT/401/team/async.git/'\n",
  },
  'push-http-closed-port': {
    code: 128,
    stderr:
      "fatal: unable to access 'http://127.0.0.1:CLOSED/team/async.git/': Failed to connect to 127.0.0.1 port CLOSED after 0 ms: Couldn't connect to server\n",
  },
  'fetch-http-closed-port': {
    code: 128,
    stderr:
      "fatal: unable to access 'http://127.0.0.1:CLOSED/team/async.git/': Failed to connect to 127.0.0.1 port CLOSED after 0 ms: Couldn't connect to server\n",
  },
  'push-http-unresolvable': {
    code: 128,
    stderr: "fatal: unable to access 'http://git.invalid/team/async.git/': Could not resolve host: git.invalid\n",
  },
  'fetch-http-unresolvable': {
    code: 128,
    stderr: "fatal: unable to access 'http://git.invalid/team/async.git/': Could not resolve host: git.invalid\n",
  },
  'fetch-path-dubious-ownership': {
    code: 128,
    stderr:
      "fatal: detected dubious ownership in repository at '/tmp/cap/readonly.git'\nTo add an exception for this directory, call:\n\n\tgit config --global --add safe.directory /tmp/cap/readonly.git\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n",
  },
  'push-path-no-write-permission': {
    code: 1,
    stderr:
      "error: remote unpack failed: unable to create temporary object directory\nTo /tmp/cap/readonly.git\n ! [remote rejected] HEAD -> main (unpacker error)\nerror: failed to push some refs to '/tmp/cap/readonly.git'\n",
  },
  'push-path-no-read-permission': {
    code: 128,
    stderr:
      "fatal: '/tmp/cap/readonly.git' does not appear to be a git repository\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n",
  },
  'fetch-path-no-read-permission': {
    code: 128,
    stderr:
      "fatal: '/tmp/cap/readonly.git' does not appear to be a git repository\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n",
  },
  'push-ref-locked': {
    code: 1,
    stderr:
      "remote: error: cannot lock ref 'refs/heads/main': Unable to create '/tmp/cap/r.git/./refs/heads/main.lock': File exists.        \nremote: \nremote: Another git process seems to be running in this repository, e.g.        \nremote: an editor opened by 'git commit'. Please make sure all processes        \nremote: are terminated then try again. If it still fails, a git process        \nremote: may have crashed in this repository earlier:        \nremote: remove the file manually to continue.        \nTo /tmp/cap/r.git\n ! [remote rejected] HEAD -> main (failed to update ref)\nerror: failed to push some refs to '/tmp/cap/r.git'\n",
  },
  'push-ref-moved-meanwhile': {
    code: 1,
    stderr:
      "remote: error: cannot lock ref 'refs/heads/main': is at a9ddf79c3062916addef6c57611b2041f2c5d5ce but expected 3a987165d4438ab157e4eda009da56880dd817d4        \nTo /tmp/cap/r.git\n ! [remote rejected] HEAD -> main (failed to update ref)\nerror: failed to push some refs to '/tmp/cap/r.git'\n",
  },
  'push-hook-stderr-on-success': {
    code: 0,
    stderr: "remote: fatal: update_ref failed for ref 'refs/heads/main': ref updates forbidden inside quarantine environment        \n",
  },
};
