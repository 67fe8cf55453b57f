"""``factcheck serve``: a local web app for editors over the library, the fact base and the
review store (no second source of truth).

- ``workspace.py``: what a page shows and what an action does, as plain functions of the
  pipeline's reports, the review store and the fact index (no web types);
- ``security.py``: the session token, CSRF, allowed hosts and response headers;
- ``app.py``: the Starlette routes, which only parse requests and render templates;
- ``templates/`` (Jinja2, autoescaped) and ``static/`` (CSS and the one script).
"""
