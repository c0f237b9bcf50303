from reportx.cli import main

main()
