namespace EarlyHelp.Core.PartnerData;

public enum ImportStatus
{
    /// <summary>Uploaded, waiting for the background worker.</summary>
    Queued,
    Running,

    /// <summary>Every row stored (added, updated or already there).</summary>
    Succeeded,

    /// <summary>The file had problems: nothing was stored.</summary>
    Failed,

    /// <summary>Stopped before the end (cancelled, or the process ended): nothing was stored.</summary>
    Interrupted,
}

/// <summary>One partner file imported, or being imported: what, from where, by whom, and what came of it.</summary>
public sealed class PartnerImport
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The dataset's name: the file's name in contracts/datasets.md without ".csv".</summary>
    public required string Dataset { get; set; }

    public required string FileName { get; set; }

    /// <summary>The file's SHA-256, hexadecimal.</summary>
    public required string Sha256 { get; set; }

    public long Bytes { get; set; }

    public ImportStatus Status { get; set; }

    public long RowsRead { get; set; }

    public long RowsAdded { get; set; }

    /// <summary>Rows whose natural key was stored already with other values, now replaced.</summary>
    public long RowsUpdated { get; set; }

    /// <summary>Problems found; the first 1,000 are kept as <see cref="PartnerImportError"/>.</summary>
    public long ErrorCount { get; set; }

    /// <summary>Bytes of the file read so far, for progress.</summary>
    public long BytesRead { get; set; }

    /// <summary>Why it failed or stopped, when that is not a row's problem.</summary>
    public string? Note { get; set; }

    public required string ByUserId { get; set; }

    public required string ByName { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When progress was last written; a running import not heard of for long has died.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>A problem in an imported file, with the line and column, in identify's words.</summary>
public sealed class PartnerImportError
{
    public long Id { get; set; }

    public Guid ImportId { get; set; }

    public long Line { get; set; }

    /// <summary>0 when it is about the whole row or file.</summary>
    public int Column { get; set; }

    public required string Message { get; set; }
}

/// <summary>
/// A notice for a family's lead practitioner: partner data imported after closure shows a need no longer sustained.
/// It shows on their caseload and the family's overview until they dismiss it.
/// </summary>
public sealed class PartnerDataNotice
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid FamilyId { get; set; }

    public Guid EpisodeId { get; set; }

    public required string NeedCode { get; set; }

    public required string LeadPractitionerId { get; set; }

    public required string Message { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DismissedAt { get; set; }
}
