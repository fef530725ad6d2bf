from passapp.cli import main

main()
