using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EarlyHelp.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Scorecard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseFileAudits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FamilyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Auditor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AuditedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AgenciesInvolved = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AssessmentFindings = table.Column<string>(type: "TEXT", nullable: false),
                    FamilyPlanFindings = table.Column<string>(type: "TEXT", nullable: false),
                    MultiAgencyFindings = table.Column<string>(type: "TEXT", nullable: false),
                    OutcomesFindings = table.Column<string>(type: "TEXT", nullable: false),
                    Actions = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseFileAudits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseFileAudits_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseFileAudits_Families_FamilyId",
                        column: x => x.FamilyId,
                        principalTable: "Families",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JtaiSelfAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JtaiSelfAssessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JtaiCriterionAssessments",
                columns: table => new
                {
                    SelfAssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CriterionCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", nullable: false),
                    Actions = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JtaiCriterionAssessments", x => new { x.SelfAssessmentId, x.CriterionCode });
                    table.ForeignKey(
                        name: "FK_JtaiCriterionAssessments_JtaiSelfAssessments_SelfAssessmentId",
                        column: x => x.SelfAssessmentId,
                        principalTable: "JtaiSelfAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseFileAudits_AuditedOn",
                table: "CaseFileAudits",
                column: "AuditedOn");

            migrationBuilder.CreateIndex(
                name: "IX_CaseFileAudits_EpisodeId",
                table: "CaseFileAudits",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseFileAudits_FamilyId_AuditedOn",
                table: "CaseFileAudits",
                columns: new[] { "FamilyId", "AuditedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_JtaiSelfAssessments_AssessedOn",
                table: "JtaiSelfAssessments",
                column: "AssessedOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseFileAudits");

            migrationBuilder.DropTable(
                name: "JtaiCriterionAssessments");

            migrationBuilder.DropTable(
                name: "JtaiSelfAssessments");
        }
    }
}
