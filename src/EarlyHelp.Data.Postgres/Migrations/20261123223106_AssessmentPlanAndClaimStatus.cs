using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EarlyHelp.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AssessmentPlanAndClaimStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notes_EpisodeId",
                table: "Notes");

            migrationBuilder.AlterColumn<string>(
                name: "Kind",
                table: "Notes",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<DateOnly>(
                name: "OccurredOn",
                table: "Notes",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "ClaimStatus",
                table: "Episodes",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClaimableOn",
                table: "Episodes",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EvaluatedOn",
                table: "Episodes",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SteppedDownFromSocialCare",
                table: "Episodes",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Actions",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "AssessmentSections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    HeadlineCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Strengths = table.Column<string>(type: "text", nullable: true),
                    Needs = table.Column<string>(type: "text", nullable: true),
                    FamilyVoice = table.Column<string>(type: "text", nullable: true),
                    Completed = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentSections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentSections_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChildVoices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EpisodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Words = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildVoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildVoices_Episodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "Episodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChildVoices_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notes_EpisodeId_OccurredOn",
                table: "Notes",
                columns: new[] { "EpisodeId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_ClaimStatus_ClaimableOn",
                table: "Episodes",
                columns: new[] { "ClaimStatus", "ClaimableOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentSections_EpisodeId_HeadlineCode",
                table: "AssessmentSections",
                columns: new[] { "EpisodeId", "HeadlineCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChildVoices_EpisodeId_MemberId",
                table: "ChildVoices",
                columns: new[] { "EpisodeId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChildVoices_MemberId",
                table: "ChildVoices",
                column: "MemberId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentSections");

            migrationBuilder.DropTable(
                name: "ChildVoices");

            migrationBuilder.DropIndex(
                name: "IX_Notes_EpisodeId_OccurredOn",
                table: "Notes");

            migrationBuilder.DropIndex(
                name: "IX_Episodes_ClaimStatus_ClaimableOn",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "OccurredOn",
                table: "Notes");

            migrationBuilder.DropColumn(
                name: "ClaimStatus",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "ClaimableOn",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "EvaluatedOn",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "SteppedDownFromSocialCare",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Actions");

            migrationBuilder.AlterColumn<string>(
                name: "Kind",
                table: "Notes",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40);

            migrationBuilder.CreateIndex(
                name: "IX_Notes_EpisodeId",
                table: "Notes",
                column: "EpisodeId");
        }
    }
}
