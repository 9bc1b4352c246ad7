"""Flask extensions, created once and bound to an app in ``workbench.app.register_extensions``."""

from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect

login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Logg inn for å se denne siden."
login_manager.login_message_category = "info"
login_manager.session_protection = "strong"

csrf = CSRFProtect()
