"""`python -m heard.examples` prints the folder of the demo consultation's files."""

from heard.cli import DEMO_FOLDER

print(DEMO_FOLDER)
