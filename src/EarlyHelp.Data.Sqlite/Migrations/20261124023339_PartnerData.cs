using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EarlyHelp.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PartnerData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PersonId",
                table: "Members",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartnerFamilyId",
                table: "Families",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FromPartnerData_AttendedSessions",
                table: "Evidence",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FromPartnerData_AuthorisedAbsence",
                table: "Evidence",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FromPartnerData_Dataset",
                table: "Evidence",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FromPartnerData_EventType",
                table: "Evidence",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FromPartnerData_ImportId",
                table: "Evidence",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FromPartnerData_PersonId",
                table: "Evidence",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FromPartnerData_PossibleSessions",
                table: "Evidence",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FromPartnerData_Severe",
                table: "Evidence",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FromPartnerData_Term",
                table: "Evidence",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FromPartnerData_UnauthorisedAbsence",
                table: "Evidence",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PartnerAttendance",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AcademicYear = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    PossibleSessions = table.Column<int>(type: "INTEGER", nullable: false),
                    AttendedSessions = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorisedAbsence = table.Column<int>(type: "INTEGER", nullable: false),
                    UnauthorisedAbsence = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerAttendance", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartnerBenefitClaims",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Benefit = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OutOfWork = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerBenefitClaims", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartnerDataNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FamilyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NeedCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LeadPractitionerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DismissedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerDataNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnerDataNotices_Families_FamilyId",
                        column: x => x.FamilyId,
                        principalTable: "Families",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnerExclusions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Days = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerExclusions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartnerHealthFlags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Flag = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerHealthFlags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartnerHousingEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FamilyId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerHousingEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartnerImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Dataset = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RowsRead = table.Column<long>(type: "INTEGER", nullable: false),
                    RowsAdded = table.Column<long>(type: "INTEGER", nullable: false),
                    RowsUpdated = table.Column<long>(type: "INTEGER", nullable: false),
                    ErrorCount = table.Column<long>(type: "INTEGER", nullable: false),
                    BytesRead = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartnerNeetRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerNeetRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartnerPeople",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FamilyId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpectedBabyDue = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerPeople", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartnerPoliceIncidents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Severe = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerPoliceIncidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartnerSocialCareEpisodes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerSocialCareEpisodes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartnerImportErrors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Line = table.Column<long>(type: "INTEGER", nullable: false),
                    Column = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerImportErrors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnerImportErrors_PartnerImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "PartnerImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Members_PersonId",
                table: "Members",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Families_PartnerFamilyId",
                table: "Families",
                column: "PartnerFamilyId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerAttendance_PersonId_AcademicYear_Term",
                table: "PartnerAttendance",
                columns: new[] { "PersonId", "AcademicYear", "Term" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerBenefitClaims_PersonId_StartDate_Benefit",
                table: "PartnerBenefitClaims",
                columns: new[] { "PersonId", "StartDate", "Benefit" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerDataNotices_FamilyId_EpisodeId_NeedCode",
                table: "PartnerDataNotices",
                columns: new[] { "FamilyId", "EpisodeId", "NeedCode" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerDataNotices_LeadPractitionerId_DismissedAt",
                table: "PartnerDataNotices",
                columns: new[] { "LeadPractitionerId", "DismissedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerExclusions_PersonId_Date_Kind",
                table: "PartnerExclusions",
                columns: new[] { "PersonId", "Date", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerHealthFlags_PersonId_Date_Flag",
                table: "PartnerHealthFlags",
                columns: new[] { "PersonId", "Date", "Flag" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerHousingEvents_FamilyId_Date_Status",
                table: "PartnerHousingEvents",
                columns: new[] { "FamilyId", "Date", "Status" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerImportErrors_ImportId_Id",
                table: "PartnerImportErrors",
                columns: new[] { "ImportId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerImports_StartedAt",
                table: "PartnerImports",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerNeetRecords_PersonId_Date",
                table: "PartnerNeetRecords",
                columns: new[] { "PersonId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerPeople_FamilyId",
                table: "PartnerPeople",
                column: "FamilyId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerPeople_PersonId",
                table: "PartnerPeople",
                column: "PersonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerPoliceIncidents_PersonId_Date_Type_Role",
                table: "PartnerPoliceIncidents",
                columns: new[] { "PersonId", "Date", "Type", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerSocialCareEpisodes_PersonId_StartDate_Type",
                table: "PartnerSocialCareEpisodes",
                columns: new[] { "PersonId", "StartDate", "Type" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PartnerAttendance");

            migrationBuilder.DropTable(
                name: "PartnerBenefitClaims");

            migrationBuilder.DropTable(
                name: "PartnerDataNotices");

            migrationBuilder.DropTable(
                name: "PartnerExclusions");

            migrationBuilder.DropTable(
                name: "PartnerHealthFlags");

            migrationBuilder.DropTable(
                name: "PartnerHousingEvents");

            migrationBuilder.DropTable(
                name: "PartnerImportErrors");

            migrationBuilder.DropTable(
                name: "PartnerNeetRecords");

            migrationBuilder.DropTable(
                name: "PartnerPeople");

            migrationBuilder.DropTable(
                name: "PartnerPoliceIncidents");

            migrationBuilder.DropTable(
                name: "PartnerSocialCareEpisodes");

            migrationBuilder.DropTable(
                name: "PartnerImports");

            migrationBuilder.DropIndex(
                name: "IX_Members_PersonId",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Families_PartnerFamilyId",
                table: "Families");

            migrationBuilder.DropColumn(
                name: "PersonId",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "PartnerFamilyId",
                table: "Families");

            migrationBuilder.DropColumn(
                name: "FromPartnerData_AttendedSessions",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "FromPartnerData_AuthorisedAbsence",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "FromPartnerData_Dataset",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "FromPartnerData_EventType",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "FromPartnerData_ImportId",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "FromPartnerData_PersonId",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "FromPartnerData_PossibleSessions",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "FromPartnerData_Severe",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "FromPartnerData_Term",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "FromPartnerData_UnauthorisedAbsence",
                table: "Evidence");
        }
    }
}
