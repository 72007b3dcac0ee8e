from lumijobi_desktop.app import main

raise SystemExit(main())
