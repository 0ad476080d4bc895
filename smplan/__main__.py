"""Run smplan as `python -m smplan`."""

from smplan.cli import main

main()
