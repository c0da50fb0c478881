"""What the pages show, computed from plans and forms: tables, forms, links, CSV."""
