"""marshmallow schemas per noun: what the API and the pages accept and give back."""
