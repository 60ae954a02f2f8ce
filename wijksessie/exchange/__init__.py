"""Exchange: bring a registration list in, take the mapped network out.

A facilitator does not start from an empty room (people signed up in Excel or a CSV file), and
the network must travel on afterwards (to the municipality's spreadsheet, to Kumu, Gephi or
yEd). Reading files is kept apart from deciding what they mean:
``importer.preview_import`` builds a pure ``ImportPreview``, ``importer.plan_import`` says what
applying it adds (``services.importing`` writes that in one batch); nothing here knows the
store. The export modules only read a ``Network``. Heavy libraries (openpyxl, networkx) are
imported by the modules that need them, so importing this package stays cheap.
"""
