"""The Excel side: xlwings ribbon handlers and worksheet functions, thin shims over the library."""
