from flowops.cli import main

main()
