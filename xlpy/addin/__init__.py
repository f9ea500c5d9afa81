"""The desktop add-in: ribbon XML, VBA module as text, and the script that builds the .xlam."""
