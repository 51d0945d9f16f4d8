import Testing

/// How `SlurmArrayTests` reads a Slurm recipe: which blocks, the scripts it writes, and the
/// local run it compares with; on a recipe written here, so it runs without Slurm.
@Suite("Slurm recipe extraction")
struct SlurmRecipeTests {
    static let blocks = [
        ["swift test"],
        [
            "#!/bin/sh",
            "#SBATCH --array=1-4",
            "mkdir -p out",
            "sharesim sweep a.yaml --replications 8 \\",
            "    --shard ${SLURM_ARRAY_TASK_ID}/4 --results out/p-${SLURM_ARRAY_TASK_ID}.jsonl",
        ],
        ["sbatch --wait array.sh", "sharesim merge out/p-*.jsonl --output it's.html"],
        ["sharesim run"],
    ]

    @Test("the job script and the block after it are the recipe; other blocks are not")
    func findsTheRecipe() throws {
        let found = try #require(SlurmRecipe.find(in: Self.blocks))
        #expect(found.blocks == 1..<3)
        #expect(found.recipe.jobScript == Self.blocks[1])
        #expect(found.recipe.taskCount == 4)
        #expect(found.recipe.scriptName == "array.sh")
        #expect(found.recipe.mergedReport == "it's.html")
        #expect(SlurmRecipe.find(in: [Self.blocks[0], Self.blocks[2]]) == nil)
        #expect(SlurmRecipe.find(in: [Array(Self.blocks[1].dropFirst()), Self.blocks[2]]) == nil)
    }

    @Test("scripts are written as shown, with shortening after the sweep and --reproducible after the merge")
    func writesTheScripts() throws {
        let recipe = try #require(SlurmRecipe.find(in: Self.blocks)).recipe
        #expect(
            recipe.shortenedJobScript == """
                #!/bin/sh
                #SBATCH --array=1-4
                mkdir -p out
                sharesim sweep a.yaml --replications 8 \\
                    --shard ${SLURM_ARRAY_TASK_ID}/4 --results out/p-${SLURM_ARRAY_TASK_ID}.jsonl \
                '--duration' '1 s' '--set' 'warmup=1 s' '--quiet'

                """
        )
        #expect(
            recipe.reproducibleSubmission == """
                sbatch --wait array.sh
                sharesim merge out/p-*.jsonl --output it's.html '--reproducible'

                """
        )
    }

    @Test("the local run is the array's command without --shard and --results, shortened and reproducible")
    func localRun() throws {
        let recipe = try #require(SlurmRecipe.find(in: Self.blocks)).recipe
        #expect(
            recipe.localArguments(output: "local.html") == [
                "sweep", "a.yaml", "--replications", "8", "--duration", "1 s", "--set", "warmup=1 s", "--quiet",
                "--reproducible", "--output", "local.html",
            ]
        )
        #expect(SlurmRecipe.quoted("it's") == "'it'\\''s'")
    }
}
