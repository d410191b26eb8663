"""Reading a Word package the way Word resolves it (WordprocessingML): the checker's reader."""
