"""Shared web helpers: access rules per role, Jinja filters, the form → document builder."""
