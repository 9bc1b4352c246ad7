from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length


class LoginForm(FlaskForm):
    username = StringField("Brukernavn", validators=[DataRequired("Skriv brukernavnet ditt."),
                                                     Length(max=64)])
    password = PasswordField("Passord", validators=[DataRequired("Skriv passordet ditt.")])


class LogoutForm(FlaskForm):
    pass
