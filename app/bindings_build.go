//go:build bindings

package app

// Wails generates the TypeScript bindings by running the app built with the "bindings" tag.
func init() { BindingsBuild = true }
