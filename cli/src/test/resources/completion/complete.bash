# Asks pwk's bash completion function what it offers, as bash does on TAB.
# Usage: bash complete.bash SCRIPT LINE...   Prints "LINE=>CANDIDATES" for each LINE.
source "$1" || exit 3
shift
fn=$(complete -p pwk | sed -E 's/.*-F ([^ ]+) .*/\1/')
# compopt only works while bash itself runs a completion; here it would print an error.
compopt() { :; }
for COMP_LINE in "$@"; do
  COMP_POINT=${#COMP_LINE}
  read -ra COMP_WORDS <<<"$COMP_LINE"
  if [[ $COMP_LINE == *" " ]]; then COMP_WORDS+=(""); fi
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  "$fn" pwk "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  printf '%s=>%s\n' "$COMP_LINE" "${COMPREPLY[*]}"
done
