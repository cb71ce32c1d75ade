/** The README committed at the top of a new workspace, for people browsing it on a git host. */
export function workspaceReadme(team: string): string {
  return `# ${team}: async stand-ups

This repository is the ${team} team's [async](https://www.npmjs.com/package/async-standup) workspace:
stand-ups in writing, for a team across timezones.

- \`members/\` has one file per person: time zone, working hours, workdays and time off.
- \`entries/YYYY/MM/DD/\` has one Markdown file per update, handoff or acknowledgement, by UTC date.
  They are never edited; a correction is a new entry.

To take part, install the tool (from a clone of its repository: \`npm ci && npm run build && npm install -g .\`;
once it is published, \`npm install -g async-standup\`) and run:

\`\`\`sh
async join <this repository's URL> --as <your-handle> --tz <Your/Zone>
async catchup        # when you log in
async update         # at the end of your day
async handoff        # when your work continues in another timezone
\`\`\`
`;
}
