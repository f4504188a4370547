#!/usr/bin/env bash
# The 意见台账 page with 100,000 items: click → painted (scripts/bench/list-page.sh items).
exec "$(dirname "$0")/list-page.sh" items "$@"
