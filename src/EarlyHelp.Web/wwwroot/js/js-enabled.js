// Lets GOV.UK Frontend styles know JavaScript is running, before the page is drawn.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
