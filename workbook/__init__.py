"""Model to workbook: layout, formulas, the writer, the formula engine and the validators."""
