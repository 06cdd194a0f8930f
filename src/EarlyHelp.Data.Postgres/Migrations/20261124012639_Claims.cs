using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EarlyHelp.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Claims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Claims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WindowName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Programme = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    WindowOpens = table.Column<DateOnly>(type: "date", nullable: false),
                    WindowCloses = table.Column<DateOnly>(type: "date", nullable: false),
                    PaymentPerFamily = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    SampleShare = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    SampleSeed = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SentForAuditAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Claims", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FrameworkVersions",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FrameworkId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Definition = table.Column<string>(type: "text", nullable: false),
                    Instruments = table.Column<string>(type: "text", nullable: false),
                    StoredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrameworkVersions", x => x.Hash);
                });

            migrationBuilder.CreateTable(
                name: "ClaimLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimId = table.Column<Guid>(type: "uuid", nullable: false),
                    FamilyId = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: true),
                    FamilyReference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    WindowName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Programme = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ClaimedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Payment = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    CaseFile = table.Column<string>(type: "text", nullable: false),
                    Verdict = table.Column<string>(type: "text", nullable: false),
                    FrameworkHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    HeadlineOutcomesMet = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    JudgementOnly = table.Column<bool>(type: "boolean", nullable: false),
                    Sampled = table.Column<bool>(type: "boolean", nullable: false),
                    AuditResult = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    AuditReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AuditedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AuditedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimLines_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClaimLines_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ClaimLines_Families_FamilyId",
                        column: x => x.FamilyId,
                        principalTable: "Families",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ClaimLines_FrameworkVersions_FrameworkHash",
                        column: x => x.FrameworkHash,
                        principalTable: "FrameworkVersions",
                        principalColumn: "Hash",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ClaimLines_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimLines_ClaimId_FamilyReference",
                table: "ClaimLines",
                columns: new[] { "ClaimId", "FamilyReference" });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimLines_EpisodeId",
                table: "ClaimLines",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimLines_FamilyId_Programme",
                table: "ClaimLines",
                columns: new[] { "FamilyId", "Programme" },
                unique: true,
                filter: "\"State\" <> 'Rejected'");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimLines_FrameworkHash",
                table: "ClaimLines",
                column: "FrameworkHash");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimLines_State_ClaimedOn_TeamId",
                table: "ClaimLines",
                columns: new[] { "State", "ClaimedOn", "TeamId" });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimLines_TeamId",
                table: "ClaimLines",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Programme_WindowName",
                table: "Claims",
                columns: new[] { "Programme", "WindowName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClaimLines");

            migrationBuilder.DropTable(
                name: "Claims");

            migrationBuilder.DropTable(
                name: "FrameworkVersions");
        }
    }
}
