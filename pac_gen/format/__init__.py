"""The plan file format: reading YAML with positions, keys and shapes, the model, values, recurrence, settings."""
