"""The Budget add-in's own routes, registered by xlwings Server from `routers/custom.py`."""
