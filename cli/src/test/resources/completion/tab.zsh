# Types each LINE into an interactive zsh that sourced pwk's completion script, presses TAB
# twice, and prints what zsh shows: the listing, then the completed line as "LINE: ...".
# Usage: zsh -f tab.zsh SCRIPT LINE...
zmodload zsh/zpty || exit 3
zpty shell 'TERM=dumb zsh -f -i'
zpty -w shell "PS1='%% '; source ${(q)1}; echo READY"
zpty -r shell out '*'$'\n''READY*' || exit 4
shift
for line in "$@"; do
  zpty -w -n shell "$line"$'\t\t'
  # Back to the start of the completed line, which then prints itself.
  zpty -w shell $'\C-aecho LINE: \C-e; echo DONE'
  zpty -r shell out '*'$'\n''DONE*' || exit 5
  print -r -- "$out"
done
zpty -d shell
