using BenchmarkDotNet.Running;

// scripts/bench-micro.sh runs every benchmark in-process with the memory diagnoser and writes JSON beside the printed
// table; any BenchmarkDotNet option works here too (e.g. --filter '*Entry*').
BenchmarkSwitcher.FromAssembly(typeof(WidgetPlatform.MicroBenchmarks.RequestKeyBenchmarks).Assembly).Run(args);
