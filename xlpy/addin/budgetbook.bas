Attribute VB_Name = "BudgetRibbon"
' budgetbook's ribbon: each button runs one handler of xlpy.handlers with the calling workbook.
' `make addin` writes it into the add-in's VBA project (xlpy/addin/vba_project.py).
' RunPython is the xlwings VBA module the add-in template already holds.
Option Explicit

Sub Refresh(control As IRibbonControl)
    RunPython "import xlpy.handlers; xlpy.handlers.refresh_caller()"
End Sub

Sub Validate(control As IRibbonControl)
    RunPython "import xlpy.handlers; xlpy.handlers.validate_caller()"
End Sub

Sub BuildPacks(control As IRibbonControl)
    RunPython "import xlpy.handlers; xlpy.handlers.build_packs_caller()"
End Sub

Sub SendPacks(control As IRibbonControl)
    RunPython "import xlpy.handlers; xlpy.handlers.send_packs_caller()"
End Sub
