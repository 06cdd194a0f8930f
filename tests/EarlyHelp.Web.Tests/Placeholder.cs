namespace EarlyHelp.Web.Tests;
