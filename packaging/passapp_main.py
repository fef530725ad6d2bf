"""Entry point of the frozen app (packaging/passapp.spec): the command line, which starts
the desktop app when no command is given (``passapp --demo``, ``passapp --db F``)."""

from passapp.cli import main

main()
