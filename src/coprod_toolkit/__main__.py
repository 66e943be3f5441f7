from coprod_toolkit.cli import main

main()
