"""Run smplan as `python -m smplan`."""

from smplan.cli import main

if __name__ == "__main__":
    main()
