#!/bin/bash
# Every reproducer of ../shared/repro as its README.txt says (each in/ beside a good article), under
# a 1 GB address-space limit: exit code, seconds, peak RSS (KB), and the skip/truncation/error lines.
# Needs root for logfile_disk_full (a small tmpfs). Usage: bench/repro.sh [WORKDIR]
HERE=$(cd "$(dirname "$0")/.." && pwd)
export BRIEFING=${BRIEFING:-$HERE/.venv/bin/briefing} PYTHON=${PYTHON:-$HERE/.venv/bin/python}
W=${1:-/tmp/repro}
rm -rf "$W" && cp -r "${SHARED:-$HERE/../shared}/repro" "$W" && chmod -R u+w "$W" && cd "$W" || exit 1
m() { # name, command...
  local name=$1; shift
  ( ulimit -v 1048576; /usr/bin/time -f "%e %M" -o .t "$@" > .o 2> .e; echo $? > .rc )
  printf "%-34s rc=%s  %s s  %s KB  %s\n" "$name" "$(cat .rc)" $(tail -n 1 .t) "$(grep -h -e 'skipped' -e 'truncated' -e 'error' .e | head -2 | cut -c1-150 | tr '\n' '|')"
}
for d in billion_laughs json_lone_surrogate yaml_surrogate_pair_title json_huge_int json_deep jsonl_deep fm_deep_nesting; do
  for c in build quotes summarize; do
    if [ $c = build ]; then m "$d $c" $BRIEFING build $d/in --out $d/out --format md,pdf,json,html; else m "$d $c" $BRIEFING $c $d/in; fi
  done
done
for f in fuzz_killers/*; do n=$(basename $f); mkdir -p fk/$n; cp $f fk/$n/; cp json_deep/in/good.txt fk/$n/; m "fk ${n:0:30}" $BRIEFING build fk/$n --out fk_out/$n --format md,pdf,json,html; done
mkdir -p qq/in && cp quotes_quadratic/*.txt qq/in/ && cp json_deep/in/good.txt qq/in/
for c in build quotes summarize; do if [ $c = build ]; then m "quotes_quadratic build" $BRIEFING build qq/in --out qq/out --format md,pdf,json,html; else m "quotes_quadratic $c" $BRIEFING $c qq/in; fi; done
m "nonutf8_filename run.sh" sh nonutf8_filename/run.sh
m "redos_config run.sh 28" sh redos_config/run.sh 28
m "md_quadratic run.sh 80000" sh md_quadratic/run.sh 80000
m "fifo_named run.sh" sh fifo_named/run.sh; cat .o | tr '\n' '|'; echo
m "kill_partial_set run.sh" sh kill_partial_set/run.sh; cat .o | tr '\n' '|'; echo
m "logfile_disk_full run.sh" sh logfile_disk_full/run.sh; cat .o .e | tr '\n' '|'; echo
m "config_billion_laughs" $BRIEFING build json_deep/in --config config_billion_laughs/briefing.yaml --out cbl
m "config deep_nesting" $BRIEFING build json_deep/in --config config_billion_laughs/deep_nesting.yaml --out cbl
mkdir -p big_article/in && cp json_deep/in/good.txt big_article/in/
m "big_article make_and_run.sh" sh big_article/make_and_run.sh
