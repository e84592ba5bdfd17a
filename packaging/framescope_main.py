"""The frozen app's entry point (PyInstaller runs this script; see framescope.spec)."""

import multiprocessing
import sys

from desktop.__main__ import main

if __name__ == "__main__":
    # A frozen program started as a multiprocessing worker must run the worker,
    # not open a second app (a no-op when not frozen or not a worker).
    multiprocessing.freeze_support()
    sys.exit(main())
