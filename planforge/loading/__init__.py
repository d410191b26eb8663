"""Plan files: YAML in and out, with every error located by file, line and field."""
