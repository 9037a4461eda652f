"""Pure rules of the domain as plain data: no database, no Flask, no request. Services pass the facts in."""
