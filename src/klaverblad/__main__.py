from klaverblad.cli import main

main()
