// Starts the GOV.UK Frontend and MOJ Frontend components on the page. Every page works without it.
import { initAll } from '/lib/govuk/govuk-frontend.min.js';

initAll();
