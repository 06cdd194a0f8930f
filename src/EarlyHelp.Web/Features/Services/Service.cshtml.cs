using EarlyHelp.Core.ServiceDirectory;
using EarlyHelp.Web.Features.ServiceDirectory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EarlyHelp.Web.Features.Services;

/// <summary>One service: what it does, for whom, where and when, what it costs and whom to contact.</summary>
public sealed class ServiceModel(DirectorySearch search) : PageModel
{
    [FromRoute(Name = "id")]
    public Guid Id { get; set; }

    public DirectoryService Service { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var found = await search.LoadAsync([Id], HttpContext.RequestAborted);
        if (!found.TryGetValue(Id, out var service) || service.Status == ServiceStatus.Defunct)
        {
            return NotFound();
        }

        Service = service;
        return Page();
    }
}
